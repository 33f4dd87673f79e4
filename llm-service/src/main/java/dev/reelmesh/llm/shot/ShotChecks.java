package dev.reelmesh.llm.shot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Post-checks of an assembled shot prompt, reported to the caller one by one. */
public final class ShotChecks {
  private static final Pattern MOVE = Pattern.compile(
      "(?i)\\b(static|push-in|push in|glides?|gliding|pans?|panning|dolly|zoom(?:s|ing)?|tracking|tilts?|orbits?|crane)\\b");
  private static final Pattern CUT = Pattern.compile(
      "(?i)\\b(cut to|cuts|then|next shot|shot \\d+|scene \\d+|transition|montage)\\b");
  private static final Pattern URL = Pattern.compile("(?i)(https?|ftp|file|data):|www\\.");
  private static final Pattern LOOKS = Pattern.compile(
      "(?i)\\b(sleek|shiny|glossy|beautiful|gorgeous|stunning|elegant|premium|luxurious|matte|polished|stylish)\\b");

  private ShotChecks() {}

  static List<ShotCheck> run(String prompt, ShotFragments f, boolean ref) {
    List<ShotCheck> checks = new ArrayList<>();
    int words = words(prompt);
    checks.add(new ShotCheck("word_count", words >= ShotAssembler.MIN_WORDS && words <= ShotAssembler.MAX_WORDS,
        words + " words (20–45)"));
    int sentences = sentences(prompt);
    checks.add(new ShotCheck("sentence_count", sentences >= 1 && sentences <= 2, sentences + " sentences (1–2)"));
    Set<String> moves = moves(prompt);
    checks.add(new ShotCheck("single_camera_move", moves.size() == 1, "moves found: " + moves));
    checks.add(new ShotCheck("no_cuts", !CUT.matcher(prompt).find(), "no cuts, transitions or shot lists"));
    checks.add(new ShotCheck("no_urls", !URL.matcher(prompt).find(), "no URLs"));
    checks.add(new ShotCheck("no_lists", !prompt.contains("\n") && !prompt.matches("(?s).*\\b\\d+[.)]\\s.*"),
        "prose, no list markers"));
    checks.add(new ShotCheck("single_four_second_shot", prompt.contains("one continuous four-second shot"),
        "one continuous four-second shot"));
    checks.add(new ShotCheck("product_by_use", f.productUse().isEmpty() || !LOOKS.matcher(prompt).find(),
        f.productUse().isEmpty() ? "no product in this shot" : "product shown by use: " + f.productUse()));
    if (ref) {
      checks.add(new ShotCheck("steady_for_reference", prompt.toLowerCase(Locale.ROOT).contains("steady"),
          "steadier wording for the reference image"));
    }
    return checks;
  }

  static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  static int sentences(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("(?<=[.!?])\\s+").length;
  }

  /** Distinct canonical moves named in the text. */
  static Set<String> moves(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = MOVE.matcher(text);
    while (m.find()) {
      String w = m.group(1).toLowerCase(Locale.ROOT);
      out.add(w.startsWith("glid") ? "glide" : w.startsWith("pan") ? "slow pan"
          : w.startsWith("push") ? "push-in" : w);
    }
    return out;
  }
}
