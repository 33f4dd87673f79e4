package dev.reelmesh.llm.shot;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans fragments before assembly: strips URLs, list markers, quotes and shot-list words, clamps
 * each field to 7 words, clamps the camera move, and drops appearance words from the product use
 * (a product is shown by how it is used, not how it looks).
 */
public final class FragmentSanitizer {
  static final int MAX_FRAGMENT_WORDS = 7;
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp|file|data):\\S+|www\\.\\S+");
  private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*(?:[-*•]|\\d+[.)])\\s+");
  private static final Pattern QUOTES = Pattern.compile("[\"“”‘’`]|(?<![a-z])'|'(?![a-z])");
  private static final Pattern CUTS = Pattern.compile(
      "(?i)\\b(?:cut to|cuts? (?:back|away)|then|next shot|shot \\d+|scene \\d+|transition(?:s|ing)? to|montage)\\b");
  private static final Pattern LOOKS = Pattern.compile(
      "(?i)\\b(?:sleek|shiny|glossy|beautiful|gorgeous|stunning|elegant|premium|luxurious|matte|polished|stylish|pretty|sparkling)\\b");

  private FragmentSanitizer() {}

  public record Sanitized(ShotFragments fragments, List<String> notes) {}

  public static Sanitized sanitize(ShotFragments raw) {
    List<String> notes = new ArrayList<>();
    String subject = clean("subject", raw.subject(), notes);
    if (subject.isEmpty()) {
      throw invalid("fragments.subject", "must name who or what the shot is about (3–7 words)");
    }
    String action = clean("action", raw.action(), notes);
    String setting = clean("setting", raw.setting(), notes);
    String product = clean("product_use", raw.productUse(), notes);
    if (LOOKS.matcher(product).find()) {
      product = LOOKS.matcher(product).replaceAll("").replaceAll("\\s+", " ").strip();
      notes.add("product_use: appearance words removed (show the product by use, not looks)");
    }
    String camera = CameraMoves.clamp(raw.cameraMove(), "fragments.camera_move");
    String given = raw.cameraMove() == null ? "" : raw.cameraMove().strip();
    if (!given.toLowerCase(Locale.ROOT).equals(camera)) {
      notes.add(given.isEmpty() ? "camera_move empty: 'static' used"
          : "camera_move '" + given + "' clamped to '" + camera + "'");
    }
    String lighting = clean("lighting", raw.lighting(), notes);
    String mood = clean("mood", raw.mood(), notes);
    return new Sanitized(new ShotFragments(subject, action, setting, product, camera, lighting, mood), notes);
  }

  private static String clean(String field, String value, List<String> notes) {
    String v = value == null ? "" : value;
    String before = v;
    v = URL.matcher(v).replaceAll(" ");
    v = LIST_MARKER.matcher(v).replaceAll(" ");
    v = QUOTES.matcher(v).replaceAll("");
    v = CUTS.matcher(v).replaceAll(" ");
    v = v.replaceAll("[\\r\\n;|]+", " ").replaceAll("[.!?]+", " ").replaceAll("\\s+", " ").strip();
    v = v.replaceAll("^[,\\s]+|[,\\s]+$", "");
    if (!v.equals(before.strip())) {
      notes.add(field + ": lists, URLs, quotes or cut words stripped");
    }
    String[] words = v.isEmpty() ? new String[0] : v.split(" ");
    if (words.length > MAX_FRAGMENT_WORDS) {
      v = String.join(" ", List.of(words).subList(0, MAX_FRAGMENT_WORDS));
      // Cut at the last clause boundary when there is one, so the fragment still reads.
      int comma = v.lastIndexOf(',');
      if (comma > 0 && v.substring(0, comma).split(" ").length >= 3) {
        v = v.substring(0, comma);
      }
      v = v.replaceAll("(?i)(\\s+(a|an|the|of|in|on|to|for|with|and|at|by|from|into))+$", "");
      notes.add(field + ": clamped from " + words.length + " to " + MAX_FRAGMENT_WORDS + " words");
    }
    return v;
  }
}
