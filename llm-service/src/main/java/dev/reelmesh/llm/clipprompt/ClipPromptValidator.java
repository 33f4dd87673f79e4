package dev.reelmesh.llm.clipprompt;

import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanCharacter;
import dev.reelmesh.llm.plan.PlanClip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks prompts against their plan: clip count, contiguous indices, durations within 0.25 s,
 * http(s) URLs only, the family's word range, complete metadata and identical style keywords. Minor issues
 * are fixed (and noted); what cannot be fixed is refused with the reason.
 */
public final class ClipPromptValidator {
  static final double DURATION_TOLERANCE = 0.25;
  private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\b(?:https?|ftp|file|data):\\S+");

  private ClipPromptValidator() {}

  public static ValidationResult validate(Plan plan, List<GeneratedClipPrompt> input,
      List<String> keywords, String negative, int maxWords) {
    return validate(plan, input, keywords, negative, new PromptLength(1, maxWords, ""));
  }

  /** As above, and a prompt shorter than the family's minimum is refused (the model wants more). */
  public static ValidationResult validate(Plan plan, List<GeneratedClipPrompt> input,
      List<String> keywords, String negative, PromptLength length) {
    int maxWords = length.max();
    List<String> notes = new ArrayList<>();
    int n = plan.clips().size();
    if (input.size() != n) {
      return ValidationResult.refused("clip count " + input.size() + " does not match the plan's " + n + " clips", notes);
    }
    List<GeneratedClipPrompt> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparingInt(GeneratedClipPrompt::clipIndex));
    for (int i = 0; i < n; i++) {
      if (sorted.get(i).clipIndex() != i) {
        return ValidationResult.refused("clip indices are not the contiguous range 0.." + (n - 1), notes);
      }
    }
    if (!sorted.equals(input)) {
      notes.add("prompts reordered by clip index");
    }
    List<GeneratedClipPrompt> out = new ArrayList<>();
    for (GeneratedClipPrompt p : sorted) {
      PlanClip clip = plan.clips().get(p.clipIndex());
      String label = "clip " + p.clipIndex() + ": ";
      String text = p.prompt() == null ? "" : p.prompt().strip();
      if (text.isEmpty()) {
        return ValidationResult.refused(label + "empty prompt", notes);
      }
      if (URL_IN_TEXT.matcher(text).find()) {
        text = URL_IN_TEXT.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
        notes.add(label + "URL removed from the prompt text (references travel in the URL fields)");
      }
      text = ensureCharacters(plan, clip, text, notes, label);
      text = ensureKeywords(text, keywords, notes, label);
      if (Words.count(text) > maxWords) {
        text = Words.truncate(text, maxWords);
        notes.add(label + "prompt truncated to " + maxWords + " words");
      }
      if (Words.count(text) < length.min()) {
        return ValidationResult.refused(label + Words.count(text) + " words, below the " + length.min()
            + "-word minimum of the target model family", notes);
      }
      double planned = clip.durationSeconds();
      double duration = p.durationSeconds();
      if (!(Math.abs(duration - planned) <= DURATION_TOLERANCE)) {
        notes.add(label + "duration " + round(duration) + " s snapped to plan " + round(planned) + " s");
        duration = planned;
      }
      String scene = p.sceneUrl() == null ? "" : p.sceneUrl();
      if (!scene.isEmpty() && !ReferenceMapper.isHttpUrl(scene)) {
        notes.add(label + "scene reference '" + scene + "' is not http(s); dropped");
        scene = "";
      }
      List<String> chars = new ArrayList<>();
      for (String url : p.characterUrls()) {
        if (ReferenceMapper.isHttpUrl(url)) {
          chars.add(url);
        } else {
          notes.add(label + "character reference '" + url + "' is not http(s); dropped");
        }
      }
      if (!keywords.equals(p.styleKeywords())) {
        notes.add(label + "style keywords reset to the canonical list");
      }
      if (p.referenceMode() == null || p.sceneId() == null || p.characterIds() == null) {
        return ValidationResult.refused(label + "metadata incomplete (reference mode, scene id or character ids missing)", notes);
      }
      out.add(p.with(text, negative, duration, scene, chars, keywords, true));
    }
    return new ValidationResult(out, notes, "");
  }

  /** Character descriptions are always in the text, so looks stay the same across clips. */
  private static String ensureCharacters(Plan plan, PlanClip clip, String text, List<String> notes, String label) {
    StringBuilder s = new StringBuilder(text);
    for (String id : clip.characterIds()) {
      String d = plan.character(id).map(PlanCharacter::description).orElse("");
      // A prompt that quotes the description's opening words (short Sora shots clamp it) counts.
      String[] clause = d.split(",")[0].strip().split("\\s+");
      String opening = String.join(" ", java.util.Arrays.asList(clause).subList(0, Math.min(5, clause.length)));
      if (!d.isEmpty() && !s.toString().toLowerCase(Locale.ROOT).contains(opening.toLowerCase(Locale.ROOT))) {
        s.append(", ").append(d);
        notes.add(label + "character " + id + " description added");
      }
    }
    return s.toString();
  }

  private static String ensureKeywords(String text, List<String> keywords, List<String> notes, String label) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (keywords.stream().noneMatch(lower::contains)) {
      notes.add(label + "style keywords added");
      return text + ", " + String.join(", ", keywords.subList(0, Math.min(3, keywords.size())));
    }
    return text;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
