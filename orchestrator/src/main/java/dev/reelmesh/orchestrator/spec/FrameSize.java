package dev.reelmesh.orchestrator.spec;

import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.QualityTier;

/** Output pixel size from aspect ratio and quality tier (even numbers, as H.264 needs). */
public record FrameSize(int width, int height) {
  public static FrameSize of(AspectRatio aspect, QualityTier tier) {
    int shortSide = switch (tier) {
      case QUALITY_TIER_DRAFT -> 360;
      case QUALITY_TIER_HIGH -> 1080;
      default -> 720;
    };
    int longSide = shortSide * 16 / 9;
    return switch (aspect) {
      case ASPECT_RATIO_9_16 -> new FrameSize(shortSide, longSide);
      case ASPECT_RATIO_1_1 -> new FrameSize(shortSide, shortSide);
      default -> new FrameSize(longSide, shortSide);
    };
  }
}
