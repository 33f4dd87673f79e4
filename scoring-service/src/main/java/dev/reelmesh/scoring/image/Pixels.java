package dev.reelmesh.scoring.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.DirectColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Decoded ImageIO images to packed RGB, as Pillow's {@code convert("RGB")} gives them to CLIP.
 *
 * <p>8- and 16-bit RGB, RGBA, grey and grey+alpha rasters (what PNG and JPEG readers produce) and
 * packed int RGB (WebP) are read straight from their arrays. That is much faster than {@link BufferedImage#getRGB}, which goes
 * through the colour model pixel by pixel, and it is also what Pillow does with grey: the value is
 * copied to R, G and B. {@code getRGB} treats the JDK's grey as linear light and brightens it
 * (grey 100 reads back as 168, 16-bit grey alike). 16-bit samples keep their high byte, as
 * Pillow's PNG decoder does for 16-bit RGB ({@code RGB;16B}) and libpng's {@code strip_16} does;
 * for 16-bit grey Pillow's {@code I;16 → RGB} clips every value above 255 to white, which no
 * caller wants, so grey is treated like colour. Alpha is dropped, not composited, as in Pillow.
 * Anything else (palettes, CMYK, premultiplied alpha) goes through {@code getRGB}.
 */
final class Pixels {
  private Pixels() {}

  static RgbImage toRgb(BufferedImage image) {
    int[] rgb = interleaved(image);
    if (rgb == null) {
      rgb = packedInt(image);
    }
    if (rgb == null) {
      int w = image.getWidth();
      rgb = image.getRGB(0, 0, w, image.getHeight(), null, 0, w);
      for (int i = 0; i < rgb.length; i++) {
        rgb[i] &= 0xffffff;
      }
    }
    return new RgbImage(image.getWidth(), image.getHeight(), rgb);
  }

  /** Images already stored as packed 0x(AA)RRGGBB ints (TYPE_INT_RGB/ARGB): masked copy. */
  private static int[] packedInt(BufferedImage image) {
    Raster raster = image.getRaster();
    if (!(image.getColorModel() instanceof DirectColorModel cm)
        || cm.isAlphaPremultiplied()
        || cm.getRedMask() != 0xff0000 || cm.getGreenMask() != 0xff00 || cm.getBlueMask() != 0xff
        || !cm.getColorSpace().isCS_sRGB()
        || !(raster.getDataBuffer() instanceof DataBufferInt buffer)
        || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm)
        || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
      return null;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int[] data = buffer.getData();
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      int p = buffer.getOffset() + y * sm.getScanlineStride();
      for (int x = 0; x < w; x++) {
        out[y * w + x] = data[p + x] & 0xffffff;
      }
    }
    return out;
  }

  /** Reads sample {@code i} of the raster's array as 8 bits. */
  private interface Samples {
    int at(int i);
  }

  /** Packed RGB read from the raster's 8- or 16-bit samples, or null when not a plain layout. */
  private static int[] interleaved(BufferedImage image) {
    Raster raster = image.getRaster();
    ColorModel cm = image.getColorModel();
    if (!(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
        || raster.getDataBuffer().getNumBanks() != 1
        || !(cm instanceof ComponentColorModel)
        || cm.isAlphaPremultiplied()
        || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
      return null;
    }
    int bits = sm.getSampleSize(0);
    for (int size : sm.getSampleSize()) {
      if (size != bits) {
        return null;
      }
    }
    Samples samples;
    if (bits == 8 && raster.getDataBuffer() instanceof DataBufferByte bytes) {
      byte[] data = bytes.getData();
      samples = i -> data[i] & 0xff;
    } else if (bits == 16 && raster.getDataBuffer() instanceof DataBufferUShort shorts) {
      short[] data = shorts.getData();
      samples = i -> (data[i] & 0xffff) >>> 8;
    } else {
      return null;
    }
    int bands = sm.getNumBands();
    ColorSpace cs = cm.getColorSpace();
    boolean colour = cs.isCS_sRGB() && (bands == 3 || bands == 4);
    boolean grey = cs.getType() == ColorSpace.TYPE_GRAY && (bands == 1 || bands == 2);
    if (!colour && !grey) {
      return null;
    }
    int[] offsets = sm.getBandOffsets();
    int stride = sm.getPixelStride();
    int scanline = sm.getScanlineStride();
    int w = image.getWidth();
    int h = image.getHeight();
    int base = raster.getDataBuffer().getOffset();
    int r = offsets[0];
    int g = colour ? offsets[1] : offsets[0];
    int b = colour ? offsets[2] : offsets[0];
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      int p = base + y * scanline;
      int o = y * w;
      for (int x = 0; x < w; x++, p += stride) {
        out[o + x] = samples.at(p + r) << 16 | samples.at(p + g) << 8 | samples.at(p + b);
      }
    }
    return out;
  }
}
