package dev.reelmesh.llm.clipprompt;

import dev.reelmesh.llm.plan.PlanStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The negative prompt shared by all clips: common text-to-video artefacts, plus style extras. */
public final class NegativePrompt {
  static final List<String> BASE = List.of("blurry", "low resolution", "distorted faces",
      "extra limbs", "text", "watermark", "logo", "oversaturated", "flickering", "low quality");
  static final List<String> REALISTIC_EXTRAS = List.of("cartoon", "anime", "illustration");
  private static final List<String> REALISTIC = List.of("cinematic", "photorealistic", "realistic",
      "documentary", "live action", "film", "noir", "minimal");

  private NegativePrompt() {}

  public static String forStyle(PlanStyle style) {
    List<String> tokens = new ArrayList<>(BASE);
    String visual = style.visualStyle().toLowerCase(Locale.ROOT);
    if (REALISTIC.stream().anyMatch(visual::contains)) {
      tokens.addAll(REALISTIC_EXTRAS);
    }
    return normalise(String.join(", ", tokens));
  }

  /** Lowercase, trimmed, deduplicated, first occurrence order: the same text for the same set. */
  public static String normalise(String negative) {
    Set<String> seen = new LinkedHashSet<>();
    for (String t : negative.toLowerCase(Locale.ROOT).split(",")) {
      String token = t.strip().replaceAll("\\s+", " ");
      if (!token.isEmpty()) {
        seen.add(token);
      }
    }
    return String.join(", ", seen);
  }
}
