package dev.reelmesh.llm.shot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sanitised fragments → one Sora-style shot: 1–2 sentences, 20–45 words, one 4-second shot,
 * exactly one camera move. Steadier wording when a reference image anchors the shot. Fragments
 * shrink (7 → 3 words each) until the prompt fits; short prompts get neutral shot wording.
 */
public final class ShotAssembler {
  public static final int MIN_WORDS = 20;
  public static final int MAX_WORDS = 45;
  private static final List<String> PADDING = List.of("with natural, unhurried movement",
      "keeping the subject in crisp focus", "and a clean, uncluttered frame");

  private ShotAssembler() {}

  public static ShotPrompt assemble(ShotFragments raw, boolean hasReference) {
    return fromSanitized(FragmentSanitizer.sanitize(raw), hasReference);
  }

  /**
   * The template prompt; when it fails its own checks (a move or cut word hidden in a fragment),
   * the offending words leave the fragments and it is composed again, reported as a repair.
   */
  public static ShotPrompt fromSanitized(FragmentSanitizer.Sanitized s, boolean hasReference) {
    List<String> notes = new ArrayList<>(s.notes());
    ShotPrompt first = ShotPrompt.of(fit(s.fragments(), hasReference, notes), s.fragments(), hasReference, notes,
        "template", List.of());
    if (first.allPassed()) {
      return first;
    }
    List<String> repairs = new ArrayList<>();
    ShotFragments repaired = ShotRepair.fragments(s.fragments(), repairs);
    List<String> again = new ArrayList<>(s.notes());
    return ShotPrompt.of(fit(repaired, hasReference, again), repaired, hasReference, again, "template_repaired",
        repairs);
  }

  /** Fragments shrink (7 → 2 words each) until the prompt fits in 45 words. */
  private static String fit(ShotFragments f, boolean hasReference, List<String> notes) {
    String prompt = "";
    for (int cap = FragmentSanitizer.MAX_FRAGMENT_WORDS; cap >= 2; cap--) {
      prompt = compose(f, hasReference, cap, cap >= 5);
      if (ShotChecks.words(prompt) <= MAX_WORDS) {
        if (cap < FragmentSanitizer.MAX_FRAGMENT_WORDS) {
          notes.add("fragments shortened to " + cap + " words each to stay within " + MAX_WORDS + " words");
        }
        break;
      }
    }
    return prompt;
  }

  static String compose(ShotFragments f, boolean ref, int cap, boolean withMood) {
    StringBuilder first = new StringBuilder(capitalise(clip(f.subject(), cap)));
    first.append(' ').append(f.action().isEmpty() ? "holds the moment" : clip(f.action(), cap));
    if (!f.setting().isEmpty()) {
      first.append(" in ").append(stripArticle(clip(f.setting(), cap)));
    }
    if (!f.productUse().isEmpty()) {
      first.append(", ").append(clip(f.productUse(), cap));
    }
    first.append('.');
    StringBuilder second = new StringBuilder(cameraPhrase(f.cameraMove(), ref))
        .append(" in one continuous four-second shot");
    if (!f.lighting().isEmpty()) {
      second.append(", ").append(clip(f.lighting(), cap));
    }
    if (withMood && !f.mood().isEmpty()) {
      second.append(", ").append(clip(f.mood(), cap)).append(" mood");
    }
    if (ref) {
      second.append(", consistent with the reference image");
    }
    String prompt = first + " " + second;
    for (int i = 0; ShotChecks.words(prompt + ".") < MIN_WORDS && i < PADDING.size(); i++) {
      prompt = prompt + ", " + PADDING.get(i);
    }
    return prompt + ".";
  }

  /** Exactly one move; with a reference the wording asks for a steadier camera. */
  static String cameraPhrase(String move, boolean ref) {
    return switch (move) {
      case "push-in" -> ref ? "A gentle, steady push-in" : "A slow push-in";
      case "glide" -> ref ? "The camera makes a smooth, steady glide" : "The camera makes a smooth glide";
      case "slow pan" -> ref ? "A steady slow pan" : "A slow pan";
      default -> ref ? "A steady static camera holds the frame" : "A static camera holds the frame";
    };
  }

  private static String clip(String fragment, int cap) {
    String[] words = fragment.split(" ");
    return words.length <= cap ? fragment : String.join(" ", List.of(words).subList(0, cap));
  }

  private static String stripArticle(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    return lower.startsWith("in ") ? s.substring(3) : s;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
