package dev.reelmesh.llm.shot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Camera moves named in prose, read in context: "flambés a pan" is cookware, "a swan glides" is
 * the subject moving, "tilting the kettle" is product use; "a slow pan", "the camera glides",
 * "a static camera" are moves. A verb is a move when the camera is its subject (within three
 * words before); a noun when a camera word qualifies it.
 */
final class MoveWords {
  /** A move found, canonical, and the token span [start, end) it came from. */
  record Found(String move, int start, int end) {}

  private static final Set<String> QUALIFIERS = Set.of("slow", "slowly", "steady", "smooth", "gentle",
      "gently", "quick", "whip", "subtle", "camera", "lateral", "horizontal", "vertical", "continuous",
      "sweeping", "single", "soft", "careful", "controlled");
  private static final Set<String> PAN_DIRECTIONS = Set.of("left", "right", "across", "over", "along",
      "shot", "move", "movement", "upward", "downward");
  private static final Set<String> STATIC_AFTER = Set.of("camera", "shot", "frame", "framing", "wide",
      "view", "angle", "hold", "composition", "tripod", "lens");
  private static final Set<String> STATIC_BEFORE = Set.of("camera", "is", "stays", "remains", "stay",
      "remain", "locked", "completely", "perfectly", "held");

  private MoveWords() {}

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^a-z0-9'-]+")) {
      if (!t.isEmpty()) {
        out.add(t.replaceAll("^-+|-+$", ""));
      }
    }
    return out;
  }

  static List<Found> find(String text) {
    List<String> t = tokens(text);
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      String w = t.get(i);
      String prev = i > 0 ? t.get(i - 1) : "";
      String next = i + 1 < t.size() ? t.get(i + 1) : "";
      boolean camera = cameraBefore(t, i);
      boolean qualified = QUALIFIERS.contains(prev);
      String move = switch (w) {
        case "push-in", "push-ins" -> "push-in";
        case "push", "pushes", "pushing" -> next.equals("in") && (camera || qualified || prev.equals("a")) ? "push-in" : null;
        case "zoom", "zooms", "zooming", "zoom-in", "zoom-out" -> "zoom";
        case "glide" -> camera || qualified || prev.equals("a") && i + 1 < t.size() && !next.equals("of") ? "glide" : null;
        case "glides", "gliding", "glided" -> camera ? "glide" : null;
        case "pan" -> qualified || PAN_DIRECTIONS.contains(next) && !Set.of("a", "the", "hot", "frying").contains(prev)
            || camera && !Set.of("a", "the", "his", "her", "their", "its", "frying", "hot").contains(prev) ? "slow pan" : null;
        case "pans", "panning", "panned" -> camera || qualified && w.equals("panning")
            || Set.of("left", "right", "across", "upward", "downward").contains(next) ? "slow pan" : null;
        case "tilt" -> qualified ? "tilt" : null;
        case "tilts", "tilting", "tilted" -> camera ? "tilt" : null;
        case "dolly" -> camera || qualified || Set.of("in", "out", "shot", "zoom", "forward", "back").contains(next) ? "dolly" : null;
        case "dollies", "dollying" -> camera ? "dolly" : null;
        case "tracking" -> camera || next.equals("shot") ? "tracking" : null;
        case "tracks" -> camera ? "tracking" : null;
        case "orbit", "orbits", "orbiting" -> camera || qualified ? "orbit" : null;
        case "crane" -> camera || next.equals("shot") ? "crane" : null;
        case "static" -> STATIC_AFTER.contains(next) || STATIC_BEFORE.contains(prev) ? "static" : null;
        case "locked-off" -> "static";
        default -> null;
      };
      if (move != null) {
        int end = move.equals("push-in") && w.startsWith("push") && !w.contains("-") ? i + 2 : i + 1;
        found.add(new Found(move, qualified ? i - 1 : i, end));
      }
    }
    return found;
  }

  /** "camera" or "lens" within the three words before position i: the camera is the subject. */
  private static boolean cameraBefore(List<String> t, int i) {
    for (int j = Math.max(0, i - 3); j < i; j++) {
      if (t.get(j).equals("camera") || t.get(j).equals("lens")) {
        return true;
      }
    }
    return false;
  }
}
