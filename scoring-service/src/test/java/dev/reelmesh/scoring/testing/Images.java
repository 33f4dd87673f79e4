package dev.reelmesh.scoring.testing;

import dev.reelmesh.scoring.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Synthetic test images and their PNG/JPEG encodings. */
public final class Images {
  private Images() {}

  /** Coloured detail: random blocks of 2×2 pixels with strong edges. */
  public static RgbImage detailed(int w, int h, long seed) {
    Random r = new Random(seed);
    int[] rgb = new int[w * h];
    for (int y = 0; y < h; y += 2) {
      for (int x = 0; x < w; x += 2) {
        int c = (r.nextInt(200) + 28) << 16 | (r.nextInt(200) + 28) << 8 | (r.nextInt(200) + 28);
        for (int dy = 0; dy < 2 && y + dy < h; dy++) {
          for (int dx = 0; dx < 2 && x + dx < w; dx++) {
            rgb[(y + dy) * w + x + dx] = c;
          }
        }
      }
    }
    return new RgbImage(w, h, rgb);
  }

  /** A box blur of radius {@code radius} (per channel), the "blurred copy". */
  public static RgbImage blurred(RgbImage src, int radius) {
    int w = src.width(), h = src.height();
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = 0, g = 0, b = 0, n = 0;
        for (int dy = -radius; dy <= radius; dy++) {
          for (int dx = -radius; dx <= radius; dx++) {
            int xx = Math.min(w - 1, Math.max(0, x + dx));
            int yy = Math.min(h - 1, Math.max(0, y + dy));
            r += src.red(xx, yy);
            g += src.green(xx, yy);
            b += src.blue(xx, yy);
            n++;
          }
        }
        out[y * w + x] = (r / n) << 16 | (g / n) << 8 | (b / n);
      }
    }
    return new RgbImage(w, h, out);
  }

  public static RgbImage solid(int w, int h, int rgb) {
    int[] px = new int[w * h];
    java.util.Arrays.fill(px, rgb);
    return new RgbImage(w, h, px);
  }

  /** A file of test resources' {@code webp/} folder (see its README for how each was made). */
  public static byte[] fixture(String name) {
    try (java.io.InputStream in = Images.class.getResourceAsStream("/webp/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource webp/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] png(RgbImage image) {
    return encode(image, "png");
  }

  public static byte[] jpeg(RgbImage image) {
    return encode(image, "jpg");
  }

  private static byte[] encode(RgbImage image, String format) {
    BufferedImage b = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    b.setRGB(0, 0, image.width(), image.height(), image.rgb(), 0, image.width());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(b, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A PNG signature and IHDR chunk (valid CRC) claiming {@code w × h}, with no pixel data. */
  public static byte[] pngHeaderOnly(int w, int h) {
    java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes()).putInt(w).putInt(h).put((byte) 8).put((byte) 2)
        .put((byte) 0).put((byte) 0).put((byte) 0);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(ihdr.array());
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
    out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    out.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return out.array();
  }
}
