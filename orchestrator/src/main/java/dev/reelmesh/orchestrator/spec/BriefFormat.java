package dev.reelmesh.orchestrator.spec;

import dev.reelmesh.v1.AspectRatio;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The format a brief states in words ("a 15-second vertical clip for Instagram", "a two minute
 * explainer", "square loop"), used when the job spec leaves duration or aspect unset, so a person
 * who writes the format into the brief gets it without repeating it as flags. Explicit spec
 * fields always win.
 */
public final class BriefFormat {
  private static final String NUMBER_WORDS =
      "one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|forty-five|"
          + "fifty|sixty|ninety";
  // "15 second", "15-second", "15 seconds", "15s", "15 sec", "1.5 minutes", "two minute".
  private static final Pattern DURATION = Pattern.compile(
      "(?<![\\w.])(\\d+(?:\\.\\d+)?|" + NUMBER_WORDS + ")[\\s-]*"
          + "(seconds?|secs?|s|minutes?|mins?)(?![\\w])", Pattern.CASE_INSENSITIVE);
  private static final Pattern VERTICAL = Pattern.compile(
      "\\b(vertical|portrait|9:16|tiktok|youtube shorts|instagram reels|for reels)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SQUARE = Pattern.compile("\\b(square|1:1)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern WIDE = Pattern.compile(
      "\\b(horizontal|landscape|widescreen|16:9)\\b", Pattern.CASE_INSENSITIVE);

  private BriefFormat() {}

  /** Seconds the brief asks for, when it names a length (the first one it names). */
  public static OptionalDouble seconds(String brief) {
    Matcher m = DURATION.matcher(brief);
    while (m.find()) {
      double amount = amount(m.group(1));
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      double seconds = unit.startsWith("m") ? amount * 60 : amount;
      if (seconds > 0 && seconds <= 600) {
        return OptionalDouble.of(seconds);
      }
    }
    return OptionalDouble.empty();
  }

  /** The aspect ratio the brief names ("vertical", "for TikTok", "square"), if it names one. */
  public static Optional<AspectRatio> aspect(String brief) {
    if (VERTICAL.matcher(brief).find()) {
      return Optional.of(AspectRatio.ASPECT_RATIO_9_16);
    }
    if (SQUARE.matcher(brief).find()) {
      return Optional.of(AspectRatio.ASPECT_RATIO_1_1);
    }
    if (WIDE.matcher(brief).find()) {
      return Optional.of(AspectRatio.ASPECT_RATIO_16_9);
    }
    return Optional.empty();
  }

  private static double amount(String token) {
    return switch (token.toLowerCase(Locale.ROOT)) {
      case "one" -> 1;
      case "two" -> 2;
      case "three" -> 3;
      case "four" -> 4;
      case "five" -> 5;
      case "six" -> 6;
      case "seven" -> 7;
      case "eight" -> 8;
      case "nine" -> 9;
      case "ten" -> 10;
      case "fifteen" -> 15;
      case "twenty" -> 20;
      case "thirty" -> 30;
      case "forty" -> 40;
      case "forty-five" -> 45;
      case "fifty" -> 50;
      case "sixty" -> 60;
      case "ninety" -> 90;
      default -> Double.parseDouble(token);
    };
  }
}
