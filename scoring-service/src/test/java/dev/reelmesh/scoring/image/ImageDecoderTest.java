package dev.reelmesh.scoring.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.scoring.testing.Images;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferUShort;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

  /** A binary PPM (P6, maxval 255) as written by dwebp, read independently of ImageIO. */
  static RgbImage ppm(byte[] bytes) {
    String header = new String(bytes, 0, 20, StandardCharsets.US_ASCII);
    String[] parts = header.split("\\s+");
    assertThat(parts[0]).isEqualTo("P6");
    int w = Integer.parseInt(parts[1]);
    int h = Integer.parseInt(parts[2]);
    int offset = bytes.length - w * h * 3;
    int[] rgb = new int[w * h];
    for (int i = 0; i < rgb.length; i++) {
      int p = offset + i * 3;
      rgb[i] = (bytes[p] & 0xff) << 16 | (bytes[p + 1] & 0xff) << 8 | (bytes[p + 2] & 0xff);
    }
    return new RgbImage(w, h, rgb);
  }

  static int maxChannelDifference(RgbImage a, RgbImage b) {
    int max = 0;
    for (int y = 0; y < a.height(); y++) {
      for (int x = 0; x < a.width(); x++) {
        max = Math.max(max, Math.abs(a.red(x, y) - b.red(x, y)));
        max = Math.max(max, Math.abs(a.green(x, y) - b.green(x, y)));
        max = Math.max(max, Math.abs(a.blue(x, y) - b.blue(x, y)));
      }
    }
    return max;
  }

  static double meanChannelDifference(RgbImage a, RgbImage b) {
    double sum = 0;
    for (int y = 0; y < a.height(); y++) {
      for (int x = 0; x < a.width(); x++) {
        sum += Math.abs(a.red(x, y) - b.red(x, y)) + Math.abs(a.green(x, y) - b.green(x, y))
            + Math.abs(a.blue(x, y) - b.blue(x, y));
      }
    }
    return sum / (3.0 * a.width() * a.height());
  }

  @Test
  void decodesInPlaceFromASliceOfALargerBufferAndLeavesItsPosition() {
    RgbImage image = Images.detailed(64, 48, 3);
    for (byte[] encoded : new byte[][] {Images.png(image), Images.jpeg(image)}) {
      byte[] padded = new byte[encoded.length + 300];
      Arrays.fill(padded, (byte) 0x5a);
      System.arraycopy(encoded, 0, padded, 100, encoded.length);
      ByteBuffer slice = ByteBuffer.wrap(padded, 100, encoded.length).asReadOnlyBuffer();

      RgbImage fromSlice = decoder.decode("images[0]", slice);

      assertThat(slice.position()).isEqualTo(100);
      assertThat(slice.remaining()).isEqualTo(encoded.length);
      assertThat(fromSlice.rgb()).isEqualTo(decoder.decode("images[0]", encoded).rgb());
    }
    // PNG is lossless: the decoded pixels are the encoded ones.
    assertThat(decoder.decode("x", Images.png(image)).rgb()).isEqualTo(image.rgb());
  }

  static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(ImageIO.write(image, format, out)).isTrue();
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The JDK's own pixel-by-pixel conversion, as the reference for colour images. */
  static int[] viaGetRgb(byte[] encoded) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
    int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return Arrays.stream(rgb).map(p -> p & 0xffffff).toArray();
  }

  @Test
  void colourImagesDecodeToTheSamePixelsAsTheJdksGetRgb() throws Exception {
    RgbImage image = Images.detailed(61, 37, 9);
    BufferedImage indexed = new BufferedImage(61, 37, BufferedImage.TYPE_BYTE_INDEXED);
    indexed.getGraphics().drawImage(ImageIO.read(new ByteArrayInputStream(Images.png(image))),
        0, 0, null);
    for (byte[] encoded : new byte[][] {
        Images.png(image), Images.jpeg(image), encode(indexed, "png")}) {
      assertThat(decoder.decode("x", encoded).rgb()).isEqualTo(viaGetRgb(encoded));
    }
  }

  @Test
  void greyIsCopiedToEachChannelAsPillowDoes() throws Exception {
    BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(3, 2, 0, 100);
    RgbImage png = decoder.decode("x", encode(grey, "png"));
    assertThat(png.rgb()[2 * 8 + 3]).isEqualTo(0x646464);
    assertThat(png.rgb()[0]).isZero();
    // The JDK's getRGB reads its grey as linear light and brightens it; Pillow does not.
    assertThat(viaGetRgb(encode(grey, "png"))[2 * 8 + 3] & 0xff).isGreaterThan(150);

    BufferedImage flat = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    Arrays.fill(((java.awt.image.DataBufferByte) flat.getRaster().getDataBuffer()).getData(),
        (byte) 100);
    RgbImage jpeg = decoder.decode("x", encode(flat, "jpeg"));
    assertThat(jpeg.red(5, 5)).isBetween(98, 102);
    assertThat(jpeg.rgb()[5 * 16 + 5]).isEqualTo(jpeg.red(5, 5) * 0x010101);
  }

  /** A 16-bit image of random samples; {@code expected} gets each pixel's high bytes packed. */
  static BufferedImage sixteenBit(int bands, boolean colour, int[] expected) {
    int w = 23;
    int h = 11;
    ColorSpace cs = ColorSpace.getInstance(colour ? ColorSpace.CS_sRGB : ColorSpace.CS_GRAY);
    boolean alpha = bands == 2 || bands == 4;
    int[] bits = new int[bands];
    Arrays.fill(bits, 16);
    ComponentColorModel cm = new ComponentColorModel(cs, bits, alpha, false,
        alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
    Random random = new Random(bands);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int packed = 0;
        for (int b = 0; b < bands; b++) {
          int v = random.nextInt(65536);
          raster.setSample(x, y, b, v);
          if (b < (colour ? 3 : 1)) {
            packed = packed << 8 | v >> 8;
          }
        }
        expected[y * w + x] = colour ? packed : packed * 0x010101;
      }
    }
    return new BufferedImage(cm, raster, false, null);
  }

  @Test
  void sixteenBitGreyAndColourKeepTheirHighByteExactly() throws Exception {
    for (int[] layout : new int[][] {{1, 0}, {2, 0}, {3, 1}, {4, 1}}) {
      int[] expected = new int[23 * 11];
      byte[] png = encode(sixteenBit(layout[0], layout[1] == 1, expected), "png");
      assertThat(ImageIO.read(new ByteArrayInputStream(png)).getRaster().getDataBuffer())
          .isInstanceOf(DataBufferUShort.class);
      assertThat(decoder.decode("x", png).rgb()).as("%d bands", layout[0]).isEqualTo(expected);
    }
    // What the getRGB path did: 16-bit grey read as linear light, mid grey brightened by ~60.
    BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
    grey.getRaster().setSample(1, 1, 0, 100 * 257);
    byte[] png = encode(grey, "png");
    assertThat(decoder.decode("x", png).rgb()[5]).isEqualTo(0x646464);
    assertThat(viaGetRgb(png)[5] & 0xff).isGreaterThan(150);
  }

  @Test
  void alphaIsDroppedNotComposited() {
    BufferedImage rgba = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(1, 1, 0x000a141e); // fully transparent, colour kept
    rgba.setRGB(2, 1, 0x80ff8000);
    RgbImage decoded = decoder.decode("x", encode(rgba, "png"));
    assertThat(decoded.rgb()[4 + 1]).isEqualTo(0x0a141e);
    assertThat(decoded.rgb()[4 + 2]).isEqualTo(0xff8000);
  }

  @Test
  void losslessWebpDecodesToTheSourcePixels() {
    RgbImage source = decoder.decode("source", Images.fixture("source.png"));
    RgbImage webp = decoder.decode("images[0]", Images.fixture("lossless.webp"));
    assertThat(webp.width()).isEqualTo(96);
    assertThat(webp.height()).isEqualTo(64);
    assertThat(webp.rgb()).isEqualTo(source.rgb());
  }

  @Test
  void lossyWebpDecodesLikeLibwebpWithSimpleUpsampling() {
    RgbImage simple = ppm(Images.fixture("lossy-libwebp-nofancy.ppm"));
    RgbImage fancy = ppm(Images.fixture("lossy-libwebp.ppm"));
    RgbImage ours = decoder.decode("images[0]", Images.fixture("lossy.webp"));
    assertThat(ours.width()).isEqualTo(simple.width());
    assertThat(ours.height()).isEqualTo(simple.height());
    // The same VP8 data and chroma upsampling as `dwebp -nofancy`: only YUV→RGB rounding differs.
    assertThat(maxChannelDifference(ours, simple)).isLessThanOrEqualTo(12);
    assertThat(meanChannelDifference(ours, simple)).isLessThan(3);
    // libwebp's default (Pillow's) interpolates chroma: the documented gap at colour edges.
    assertThat(meanChannelDifference(ours, fancy)).isLessThan(7);
    // And the lossy file is still recognisably the source.
    RgbImage source = decoder.decode("source", Images.fixture("source.png"));
    assertThat(maxChannelDifference(ours, source)).isLessThan(64);
  }

  @Test
  void aTruncatedWebpIsRefusedPrecisely() {
    byte[] webp = Images.fixture("lossy.webp");
    assertThatThrownBy(() -> decoder.decode("images[2]", Arrays.copyOf(webp, webp.length / 2)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("images[2]: ");
        });
  }
}
