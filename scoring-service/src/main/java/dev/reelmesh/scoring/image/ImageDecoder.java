package dev.reelmesh.scoring.image;

import dev.reelmesh.common.error.Statuses;
import io.grpc.Status;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes PNG and JPEG bytes (and WebP where an ImageIO plugin is installed) into {@link RgbImage}.
 * Every refusal is an INVALID_ARGUMENT naming the request field, so a caller knows which image
 * to fix.
 */
public final class ImageDecoder {
  private final ImageLimits limits;

  public ImageDecoder(ImageLimits limits) {
    this.limits = limits;
  }

  public ImageLimits limits() {
    return limits;
  }

  /** Inline bytes: at most {@link ImageLimits#maxBytes()}. */
  public RgbImage decode(String field, byte[] bytes) {
    return decode(field, bytes, limits.maxBytes());
  }

  public RgbImage decode(String field, byte[] bytes, long maxBytes) {
    if (bytes.length == 0) {
      throw Statuses.invalid(field, "image is empty (0 bytes)");
    }
    if (bytes.length > maxBytes) {
      throw Statuses.invalid(field, "image is " + bytes.length + " bytes; at most "
          + maxBytes + " are accepted inline (send larger images as artifacts)");
    }
    // A memory-backed stream: ImageIO.createImageInputStream may spill to a temp file.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw Statuses.invalid(field, describeUnknown(bytes));
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        // The header alone gives the size; refuse before allocating pixels.
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        checkSize(field, width, height);
        BufferedImage image = reader.read(0);
        return toRgb(image);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof io.grpc.StatusRuntimeException sre) {
        throw sre;
      }
      throw Status.INVALID_ARGUMENT
          .withDescription(field + ": cannot decode image (" + e.getMessage()
              + "); is it a complete PNG or JPEG?")
          .withCause(e)
          .asRuntimeException();
    }
  }

  private void checkSize(String field, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw Statuses.invalid(field, "image is " + width + "x" + height + "; both sides must be > 0");
    }
    long pixels = (long) width * height;
    if (width > limits.maxSide() || height > limits.maxSide() || pixels > limits.maxPixels()) {
      throw Statuses.invalid(field, "image is " + width + "x" + height + " (" + pixels
          + " pixels); at most " + limits.maxSide() + " per side and " + limits.maxPixels()
          + " pixels are decoded");
    }
  }

  private static String describeUnknown(byte[] bytes) {
    if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F'
        && bytes[3] == 'F' && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B'
        && bytes[11] == 'P') {
      return "WebP is not decodable here: no WebP ImageIO reader is installed; send PNG or JPEG";
    }
    return "not a PNG or JPEG image (first bytes " + hexPrefix(bytes) + ")";
  }

  private static String hexPrefix(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(8, bytes.length); i++) {
      sb.append(String.format("%02x", bytes[i]));
    }
    return sb.toString();
  }

  private static RgbImage toRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < argb.length; i++) {
      argb[i] &= 0xffffff;
    }
    return new RgbImage(w, h, argb);
  }
}
