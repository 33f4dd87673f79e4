package dev.reelmesh.llm.shot;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans fragments before assembly, in this order: instructions aimed at the model (markup, role
 * markers, override phrases), URLs, list remnants, quotes, cuts; then each field is clamped to 7
 * words, the camera move to one of four, and appearance words leave the product use (a product is
 * shown by how it is used). Every change is a note the caller sees.
 */
public final class FragmentSanitizer {
  static final int MAX_FRAGMENT_WORDS = 7;
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp|file|data|javascript):\\S*|www\\.\\S+");
  private static final Pattern QUOTES = Pattern.compile("[\"“”‘’`]|(?<![a-z])'|'(?![a-z])");

  private FragmentSanitizer() {}

  public record Sanitized(ShotFragments fragments, List<String> notes) {}

  public static Sanitized sanitize(ShotFragments raw) {
    List<String> notes = new ArrayList<>();
    List<String> fields = List.of(nz(raw.subject()), nz(raw.action()), nz(raw.setting()), nz(raw.productUse()),
        nz(raw.lighting()), nz(raw.mood()));
    List<Integer> run = ListRemnants.runNumbers(fields.stream().map(FragmentSanitizer::unsafeRemoved).toList());
    String subject = clean("subject", raw.subject(), run, notes);
    if (subject.isEmpty()) {
      throw invalid("fragments.subject", "must name who or what the shot is about (3–7 words)"
          + (notes.isEmpty() ? "" : "; after sanitising nothing was left (" + String.join("; ", notes) + ")"));
    }
    String action = clean("action", raw.action(), run, notes);
    String setting = clean("setting", raw.setting(), run, notes);
    String product = product(clean("product_use", raw.productUse(), run, notes), notes);
    String given = nz(raw.cameraMove()).strip();
    List<String> removed = new ArrayList<>();
    String cameraText = ModelInstructions.strip(given, removed);
    if (!removed.isEmpty()) {
      notes.add("camera_move: instruction aimed at the model removed: '" + String.join("', '", removed) + "'");
    }
    String camera = CameraMoves.clamp(cameraText, "fragments.camera_move");
    if (!cameraText.strip().toLowerCase(Locale.ROOT).equals(camera)) {
      notes.add(given.isEmpty() ? "camera_move empty: 'static' used"
          : "camera_move '" + cameraText.strip() + "' clamped to '" + camera + "'");
    }
    String lighting = clean("lighting", raw.lighting(), run, notes);
    String mood = clean("mood", raw.mood(), run, notes);
    return new Sanitized(new ShotFragments(subject, action, setting, product, camera, lighting, mood), notes);
  }

  private static String product(String product, List<String> notes) {
    if (product.isEmpty()) {
      return product;
    }
    String stripped = ProductLooks.strip(product);
    if (!stripped.equals(product)) {
      notes.add("product_use: appearance words removed (show the product by use, not looks): '"
          + product + "' → '" + stripped + "'");
    }
    if (!stripped.isEmpty() && !ProductLooks.describesUse(stripped)) {
      notes.add("product_use: '" + stripped + "' describes no use and was dropped (say how the product is used,"
          + " e.g. 'tilting the kettle to pour')");
      return "";
    }
    return stripped;
  }

  private static String unsafeRemoved(String field) {
    return URL.matcher(ModelInstructions.strip(field, new ArrayList<>())).replaceAll(" ");
  }

  static String clean(String field, String value, List<Integer> run, List<String> notes) {
    String before = nz(value).strip();
    List<String> removed = new ArrayList<>();
    String v = ModelInstructions.strip(before, removed);
    if (!removed.isEmpty()) {
      notes.add(field + ": instruction aimed at the model removed: '" + String.join("', '", removed) + "'");
    }
    String noUrl = URL.matcher(v).replaceAll(" ");
    if (!noUrl.equals(v)) {
      notes.add(field + ": URL removed");
    }
    v = noUrl.replaceAll("[\\r\\n]+", " | ");
    String listed = ListRemnants.strip(v, run);
    if (!listed.equals(v)) {
      notes.add(field + ": list remnants removed ('" + squash(v) + "' → '" + squash(listed) + "')");
    }
    v = QUOTES.matcher(listed).replaceAll("");
    List<String> cuts = new ArrayList<>();
    v = CutWords.strip(v, cuts);
    if (!cuts.isEmpty()) {
      notes.add(field + ": cut or shot-list words removed: '" + String.join("', '", cuts) + "'");
    }
    v = squash(v.replaceAll("[;|]+", ",").replaceAll("[.!?]+(?=\\s|$)", " ")).replaceAll("\\s+,", ",")
        .replaceAll(",{2,}", ",").replaceAll("^[,\\s]+|[,\\s]+$", "");
    String[] words = v.isEmpty() ? new String[0] : v.split(" ");
    if (words.length > MAX_FRAGMENT_WORDS) {
      v = String.join(" ", List.of(words).subList(0, MAX_FRAGMENT_WORDS));
      // Cut at the last clause boundary when there is one, so the fragment still reads.
      int comma = v.lastIndexOf(',');
      if (comma > 0 && v.substring(0, comma).split(" ").length >= 3) {
        v = v.substring(0, comma);
      }
      v = v.replaceAll("(?i)(\\s+(a|an|the|of|in|on|to|for|with|and|at|by|from|into))+$", "").replaceAll("[,\\s]+$", "");
      notes.add(field + ": clamped from " + words.length + " to " + MAX_FRAGMENT_WORDS + " words");
    }
    return v;
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
