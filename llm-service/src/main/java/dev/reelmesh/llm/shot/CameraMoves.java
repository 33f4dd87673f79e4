package dev.reelmesh.llm.shot;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The four camera moves a Sora-style shot may use, and the clamp from everything else. */
public final class CameraMoves {
  public static final List<String> CANONICAL = List.of("static", "push-in", "glide", "slow pan");
  /** Synonym → nearest canonical move; checked in order, longest phrases first. */
  private static final List<Map.Entry<String, String>> NEAREST = List.of(
      Map.entry("dolly zoom", "push-in"), Map.entry("dolly in", "push-in"), Map.entry("zoom in", "push-in"),
      Map.entry("push in", "push-in"), Map.entry("pushin", "push-in"), Map.entry("push", "push-in"),
      Map.entry("close-up", "push-in"), Map.entry("closeup", "push-in"), Map.entry("close up", "push-in"),
      Map.entry("pull back", "glide"), Map.entry("pull-out", "glide"), Map.entry("zoom out", "glide"),
      Map.entry("dolly", "glide"), Map.entry("track", "glide"), Map.entry("truck", "glide"),
      Map.entry("orbit", "glide"), Map.entry("crane", "glide"), Map.entry("steadicam", "glide"),
      Map.entry("follow", "glide"), Map.entry("drift", "glide"), Map.entry("slide", "glide"),
      Map.entry("glide", "glide"), Map.entry("aerial", "glide"), Map.entry("handheld", "glide"),
      Map.entry("whip pan", "slow pan"), Map.entry("pan", "slow pan"), Map.entry("tilt", "slow pan"),
      Map.entry("sweep", "slow pan"), Map.entry("swivel", "slow pan"),
      Map.entry("locked", "static"), Map.entry("tripod", "static"), Map.entry("still", "static"),
      Map.entry("fixed", "static"), Map.entry("static", "static"), Map.entry("hold", "static"),
      Map.entry("wide shot", "static"), Map.entry("none", "static"));

  private CameraMoves() {}

  /** The canonical move for {@code raw}; empty means static. Unknown words are refused. */
  public static String clamp(String raw, String field) {
    String m = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
    if (m.isEmpty() || CANONICAL.contains(m)) {
      return m.isEmpty() ? "static" : m;
    }
    for (Map.Entry<String, String> e : NEAREST) {
      if (m.contains(e.getKey())) {
        return e.getValue();
      }
    }
    throw invalid(field, "'" + raw + "' is not a camera move; use static, push-in, glide or slow pan"
        + " (near synonyms like dolly in, tracking or pan are clamped to these)");
  }

  /** Clamp that never refuses: for plan cameras, where an unknown word means "keep still". */
  public static String clampLenient(String raw) {
    try {
      return clamp(raw, "camera");
    } catch (RuntimeException e) {
      return "static";
    }
  }
}
