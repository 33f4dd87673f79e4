package dev.reelmesh.orchestrator.provider.runway;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.v1.AspectRatio;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runway image-to-video models with documented defaults (2026-12): Gen-4 Turbo at 5 credits a
 * second, 5 or 10 seconds. Gen-3 Alpha Turbo was retired on 2026-07-30. Another model id is
 * accepted with the same capabilities once its credits per second are configured.
 */
record RunwayModels(String id, int creditsPerSecond) {
  static final String DEFAULT = "gen4_turbo";
  static final List<RunwayModels> KNOWN = List.of(new RunwayModels(DEFAULT, 5));
  /** Runway prices in credits of one US cent each. */
  static final long MICROS_PER_CREDIT = 10_000;
  private static final Map<AspectRatio, String> SIZES = Map.of(
      AspectRatio.ASPECT_RATIO_16_9, "1280x720", AspectRatio.ASPECT_RATIO_9_16, "720x1280",
      AspectRatio.ASPECT_RATIO_1_1, "960x960");

  static RunwayModels of(String id) {
    return KNOWN.stream().filter(m -> m.id.equals(id)).findFirst()
        .orElse(new RunwayModels(id, 0));
  }

  static Optional<RunwayModels> known(String id) {
    return KNOWN.stream().filter(m -> m.id.equals(id)).findFirst();
  }

  /** From the storyboard's start frame only; the prompt text is at most 1000 characters. */
  Capabilities capabilities() {
    return new Capabilities(List.of(5, 10), 5, 10, SIZES, true, false, 0, false, 1000);
  }

  /** The {@code ratio} field: output pixels as "w:h". */
  static String ratio(AspectRatio aspect) {
    return SIZES.getOrDefault(aspect, SIZES.get(AspectRatio.ASPECT_RATIO_16_9)).replace('x', ':');
  }
}
