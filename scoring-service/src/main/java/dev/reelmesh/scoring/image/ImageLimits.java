package dev.reelmesh.scoring.image;

/**
 * What the service agrees to decode. Pixels are checked from the header before any pixel data is
 * read, so a 30,000×30,000 "image" costs a header read, not gigabytes of heap.
 */
public record ImageLimits(long maxBytes, long maxPixels, int maxSide) {
  /** 8 MiB inline (the contract's limit), 25 megapixels, 16,384 pixels a side. */
  public static final ImageLimits DEFAULT = new ImageLimits(8L << 20, 25_000_000L, 16_384);
}
