package dev.reelmesh.orchestrator.provider.registry;

import dev.reelmesh.v1.AspectRatio;

/** "16:9" for ASPECT_RATIO_16_9: aspects as people write them. */
final class AspectNames {
  private AspectNames() {}

  static String of(AspectRatio aspect) {
    return switch (aspect) {
      case ASPECT_RATIO_9_16 -> "9:16";
      case ASPECT_RATIO_1_1 -> "1:1";
      default -> "16:9";
    };
  }
}
