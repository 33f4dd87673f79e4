package dev.reelmesh.llm.shot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Post-checks of an assembled shot prompt, reported to the caller one by one. They read prose
 * the way a person would: camera and cut words count in context ({@link MoveWords},
 * {@link CutWords}), so the same checks judge the template's prompts and an LLM's.
 */
public final class ShotChecks {
  private static final Pattern URL = Pattern.compile("(?i)\\b(https?|ftp|file|data|javascript):|www\\.");
  private static final Pattern FOUR_SECONDS = Pattern.compile("(?i)\\b(one|single|a)\\b[^.]{0,40}\\b(four|4)[- ]second\\b[^.]{0,12}\\bshot\\b");
  private static final Pattern STEADY = Pattern.compile("(?i)\\b(steady|steadily|stable|locked|still)\\b");

  private ShotChecks() {}

  public static List<ShotCheck> run(String prompt, ShotFragments f, boolean ref) {
    List<ShotCheck> checks = new ArrayList<>();
    int words = words(prompt);
    checks.add(new ShotCheck("word_count", words >= ShotAssembler.MIN_WORDS && words <= ShotAssembler.MAX_WORDS,
        words + " words (20–45)"));
    int sentences = sentences(prompt);
    checks.add(new ShotCheck("sentence_count", sentences >= 1 && sentences <= 2, sentences + " sentences (1–2)"));
    Set<String> moves = moves(prompt);
    checks.add(new ShotCheck("single_camera_move", moves.equals(Set.of(f.cameraMove())),
        "moves found: " + moves + " (expected exactly [" + f.cameraMove() + "])"));
    checks.add(new ShotCheck("no_cuts", !CutWords.present(prompt), "no cuts, transitions or shot lists"));
    checks.add(new ShotCheck("no_urls", !URL.matcher(prompt).find(), "no URLs"));
    checks.add(new ShotCheck("no_lists", !ListRemnants.present(prompt), "prose, no list markers or remnants"));
    checks.add(new ShotCheck("no_model_instructions", !ModelInstructions.present(prompt),
        "no markup, role markers or instructions aimed at the model"));
    checks.add(new ShotCheck("single_four_second_shot", FOUR_SECONDS.matcher(prompt).find(),
        "one continuous four-second shot"));
    Set<String> looks = praise(prompt);
    looks.removeAll(praise(String.join(" ", f.subject(), f.action(), f.setting(), f.lighting(), f.mood())));
    checks.add(new ShotCheck("product_by_use", f.productUse().isEmpty() || looks.isEmpty(),
        f.productUse().isEmpty() ? "no product in this shot"
            : looks.isEmpty() ? "product shown by use: " + f.productUse() : "appearance words about the product: " + looks));
    if (ref) {
      checks.add(new ShotCheck("steady_for_reference", STEADY.matcher(prompt).find(),
          "steadier wording for the reference image"));
    }
    return checks;
  }

  /** Appearance words in the text that the scene's own fragments do not account for. */
  private static Set<String> praise(String text) {
    Set<String> out = new LinkedHashSet<>();
    var m = ProductLooks.LOOKS.matcher(text);
    while (m.find()) {
      out.add(m.group().toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }

  public static List<ShotCheck> failed(List<ShotCheck> checks) {
    return checks.stream().filter(c -> !c.passed()).toList();
  }

  static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  static int sentences(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("(?<=[.!?])\\s+").length;
  }

  /** Distinct moves named in the text, canonical where they are one of the four. */
  static Set<String> moves(String text) {
    Set<String> out = new LinkedHashSet<>();
    MoveWords.find(text).forEach(m -> out.add(m.move()));
    return out;
  }
}
