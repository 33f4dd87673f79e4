package dev.reelmesh.scoring.image;

/**
 * A decoded image as packed 0xRRGGBB pixels, row-major. Alpha is dropped, as CLIP's
 * {@code convert("RGB")} does.
 */
public record RgbImage(int width, int height, int[] rgb) {
  public RgbImage {
    if (width <= 0 || height <= 0 || rgb.length != width * height) {
      throw new IllegalArgumentException(
          "image " + width + "x" + height + " needs " + (long) width * height + " pixels");
    }
  }

  public int red(int x, int y) {
    return (rgb[y * width + x] >> 16) & 0xff;
  }

  public int green(int x, int y) {
    return (rgb[y * width + x] >> 8) & 0xff;
  }

  public int blue(int x, int y) {
    return rgb[y * width + x] & 0xff;
  }
}
