package dev.reelmesh.llm.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Writes each clip's picture: a visual description no other clip of the job has, the motion in
 * it, the camera move for its beat and the shot size. Long plans vary angle and moment so a beat
 * that returns is a new shot, not a copy.
 */
final class Shots {
  private static final List<String> VARIATIONS = List.of("", ", from a lower angle",
      ", from the other side", ", closer now", ", in softer light", ", framed off-centre",
      ", seen past a blurred foreground", ", a moment later", ", from slightly above",
      ", with the background softly blurred", ", at a gentle tilt", ", as the light shifts");
  /** Camera moves per beat; shot size is Framing, so "close-up" is not a move here. */
  private static final Map<Beat, List<String>> MOVES = Map.of(
      Beat.OPENING, List.of("slow pan", "glide", "zoom out"), Beat.SUBJECT, List.of("static", "push-in"),
      Beat.DETAIL, List.of("push-in", "static"), Beat.ACTION, List.of("tracking", "glide"),
      Beat.PEOPLE, List.of("static", "push-in"), Beat.SETTING, List.of("slow pan", "glide"),
      Beat.PROP, List.of("push-in", "static"), Beat.USE, List.of("push-in", "static"),
      Beat.PAYOFF, List.of("static", "glide"), Beat.CLOSING, List.of("push-in", "static"));
  private static final Map<String, String> SORA = Map.of("tracking", "glide", "close-up", "push-in",
      "zoom out", "glide");

  private Shots() {}

  static boolean applies(Beat beat, Story story) {
    return beat.shots.stream().anyMatch(t -> fill(t, story, story.slots).isPresent());
  }

  /** Fills a template; when the subject is the setting, one naming both would say it twice. */
  static Optional<String> fill(String template, Story story, Map<String, String> slots) {
    if (story.subjectIsSetting && template.contains("{S") && (template.contains("{L") || template.contains("{inL"))) {
      return Optional.empty();
    }
    return Template.fill(template, slots);
  }

  /** Openings and closings take the first template that fits; middle beats rotate. */
  static int rotation(Beat beat, int k) {
    return beat == Beat.OPENING ? 0 : beat == Beat.CLOSING ? Math.min(k, 1) : k;
  }

  /** The first unused shot for rotation {@code k}; props follow the beat's {@code occurrence}. */
  static String visual(Beat beat, int k, int occurrence, Story story, Set<String> used) {
    Map<String, String> slots = story.withProp(occurrence);
    List<String> shots = beat.shots;
    for (String variation : VARIATIONS) {
      for (int j = 0; j < shots.size(); j++) {
        Optional<String> v = fill(shots.get((rotation(beat, k) + j) % shots.size()), story, slots);
        if (v.isPresent() && used.add(v.get() + variation)) {
          return v.get() + variation;
        }
      }
    }
    String fallback = Template.fill("{S}", slots).orElse("The scene") + ", shot " + (used.size() + 1);
    used.add(fallback);
    return fallback;
  }

  static String camera(Beat beat, Random random, boolean sora) {
    List<String> moves = MOVES.get(beat);
    String m = moves.get(random.nextInt(moves.size()));
    return sora ? SORA.getOrDefault(m, m) : m;
  }

  static String motion(Beat beat, Story story) {
    Map<String, String> s = story.slots;
    String pace = Set.of("calm", "serene", "peaceful", "cosy", "romantic", "dreamy").contains(story.reading.mood())
        ? "slowly" : Set.of("energetic", "epic", "bold").contains(story.reading.mood()) ? "quickly" : "gently";
    return switch (beat) {
      case OPENING, SETTING -> ambient(story, pace);
      case ACTION -> s.get("Af").isEmpty() ? ambient(story, pace) : s.get("X") + " " + s.get("Af");
      case DETAIL -> Template.fill("{sideActor} {side}", s).map(String::toLowerCase)
          .orElse("light glides " + pace + " along the surface");
      case SUBJECT -> s.get("Af").isEmpty() ? "a slow turn reveals " + s.get("Sn") : s.get("S") + " " + s.get("Af");
      case PEOPLE -> s.get("hands") + " move with a practised rhythm";
      case PROP -> "the light shifts " + pace + " across it";
      case USE -> "hands move with an easy, unhurried rhythm";
      case PAYOFF -> "a relaxed breath and a small smile";
      case CLOSING -> "everything settles into stillness";
    };
  }

  private static String ambient(Story story, String pace) {
    return switch (story.reading.weather()) {
      case "rain" -> "raindrops ripple the surface";
      case "snow" -> "snow drifts " + pace + " down";
      case "fog" -> "fog rolls " + pace + " through";
      default -> switch (story.reading.timeOfDay()) {
        case "dusk", "sunset", "evening" -> "the last light fades " + pace;
        case "dawn", "sunrise", "morning" -> "morning light spreads " + pace;
        case "night" -> "lights flicker in the dark";
        case "golden hour" -> "low sun flares " + pace + " across the frame";
        default -> "light drifts " + pace + " across the scene";
      };
    };
  }
}
