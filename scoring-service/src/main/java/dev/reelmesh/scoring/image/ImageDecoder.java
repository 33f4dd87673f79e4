package dev.reelmesh.scoring.image;

import dev.reelmesh.common.error.Statuses;
import io.grpc.Status;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG, JPEG and WebP bytes into {@link RgbImage} (WebP through TwelveMonkeys' ImageIO
 * plugin: lossless exact; lossy with simple chroma upsampling, see the WebP test fixtures).
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
    return decode(field, ByteBuffer.wrap(bytes), limits.maxBytes());
  }

  /** Inline bytes, read in place (see {@link ByteBufferImageInputStream}). */
  public RgbImage decode(String field, ByteBuffer bytes) {
    return decode(field, bytes, limits.maxBytes());
  }

  public RgbImage decode(String field, byte[] bytes, long maxBytes) {
    return decode(field, ByteBuffer.wrap(bytes), maxBytes);
  }

  /** Decodes the buffer's remaining bytes; its position and limit are left as they were. */
  public RgbImage decode(String field, ByteBuffer bytes, long maxBytes) {
    int size = bytes.remaining();
    if (size == 0) {
      throw Statuses.invalid(field, "image is empty (0 bytes)");
    }
    if (size > maxBytes) {
      throw Statuses.invalid(field, "image is " + size + " bytes; at most "
          + maxBytes + " are accepted inline (send larger images as artifacts)");
    }
    // Read in place: ImageIO.createImageInputStream would copy into a cache, or spill to a file.
    try (ImageInputStream in = new ByteBufferImageInputStream(bytes)) {
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
        return Pixels.toRgb(image);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof io.grpc.StatusRuntimeException sre) {
        throw sre;
      }
      throw Status.INVALID_ARGUMENT
          .withDescription(field + ": cannot decode image (" + e.getMessage()
              + "); is it a complete PNG, JPEG or WebP?")
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

  private static String describeUnknown(ByteBuffer buffer) {
    byte[] bytes = new byte[Math.min(8, buffer.remaining())];
    buffer.get(buffer.position(), bytes);
    return "not a PNG, JPEG or WebP image (first bytes " + hexPrefix(bytes) + ")";
  }

  private static String hexPrefix(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(8, bytes.length); i++) {
      sb.append(String.format("%02x", bytes[i]));
    }
    return sb.toString();
  }
}
