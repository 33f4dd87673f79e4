package dev.reelmesh.llm.plan;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a plain-language instruction to a plan with rules, touching only what the instruction
 * names. Clip numbers in instructions are counted from 1, as people count ("clip 3" = index 2).
 */
public final class OfflineRefiner {
  private static final Pattern CLIP = Pattern.compile("\\b(?:clip|shot|scene)s?\\s+(\\d+)(?:\\s*(?:-|to|and)\\s*(\\d+))?");
  private static final List<String> CAMERAS = List.of("close-up", "wide shot", "static", "push-in",
      "glide", "slow pan", "zoom out", "tracking", "aerial", "handheld", "overhead");

  public Refinement refine(Plan plan, String instruction) {
    String text = instruction.toLowerCase(Locale.ROOT).replace("closeup", "close-up")
        .replace("close up", "close-up").replace("push in", "push-in");
    Set<Integer> targets = targets(text, plan.clips().size());
    List<PlanClip> clips = new ArrayList<>(plan.clips());
    List<String> changes = new ArrayList<>();
    PlanStyle style = plan.style();

    String camera = CAMERAS.stream().filter(text::contains).findFirst().orElse(null);
    for (int i : targets) {
      PlanClip c = clips.get(i);
      if (camera != null && !camera.equals(c.camera())) {
        changes.add(line(i, "camera", c.camera(), camera));
        c = c.withCamera(camera);
      }
      if (text.matches(".*\\b(shorter|less|trim|tighter) narration.*") || text.contains("narration shorter")) {
        String shorter = Narration.fit(c.narration(), Math.max(1, Narration.words(c.narration()) * 3 / 5));
        if (!shorter.equals(c.narration())) {
          changes.add(line(i, "narration", c.narration(), shorter));
          c = c.withNarration(shorter);
        }
      }
      if (text.matches(".*\\b(no|remove|drop|without) (the )?narration.*") && !c.narration().isEmpty()) {
        changes.add(line(i, "narration", c.narration(), ""));
        c = c.withNarration("");
      }
      float delta = text.matches(".*\\b(more energetic|more energy|faster|punchier|more dynamic)\\b.*") ? 0.2f
          : text.matches(".*\\b(calmer|slower|gentler|more relaxed|less energy)\\b.*") ? -0.2f : 0f;
      if (delta != 0) {
        float v = Math.max(0f, Math.min(1f, Math.round((c.beatIntensity() + delta) * 100) / 100f));
        changes.add(line(i, "beat_intensity", Float.toString(c.beatIntensity()), Float.toString(v)));
        c = c.withBeatIntensity(v);
      }
      clips.set(i, c);
    }
    Matcher mood = Pattern.compile("\\bmood (?:to |should be |more )?([a-z-]+)").matcher(text);
    if (mood.find() && !mood.group(1).equals(style.mood())) {
      changes.add("style: mood '" + style.mood() + "' → '" + mood.group(1) + "'");
      style = style.withMood(mood.group(1));
    }
    if (text.matches(".*\\b(warmer|warm light|golden)\\b.*")) {
      changes.add("style: lighting '" + style.lighting() + "' → 'warm golden light'");
      style = style.withLighting("warm golden light");
    } else if (text.matches(".*\\b(darker|moodier|low-key)\\b.*")) {
      changes.add("style: lighting '" + style.lighting() + "' → 'low-key light with deep shadows'");
      style = style.withLighting("low-key light with deep shadows");
    } else if (text.matches(".*\\b(brighter|lighter|high-key)\\b.*")) {
      changes.add("style: lighting '" + style.lighting() + "' → 'bright high-key light'");
      style = style.withLighting("bright high-key light");
    }
    if (changes.isEmpty()) {
      throw invalid("instruction", "nothing in '" + instruction + "' maps to a change the offline engine"
          + " can make; try e.g. 'make clip 3 a close-up', 'shorter narration', 'calmer clip 2',"
          + " 'set mood to joyful', 'warmer light' (or configure OPENAI_API_KEY for free-form edits)");
    }
    return new Refinement(plan.withClips(clips).withStyle(style), changes);
  }

  private static Set<Integer> targets(String text, int count) {
    Set<Integer> targets = new LinkedHashSet<>();
    Matcher m = CLIP.matcher(text);
    while (m.find()) {
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      for (int n = Math.min(from, to); n <= Math.max(from, to); n++) {
        if (n < 1 || n > count) {
          throw invalid("instruction", "clip " + n + " does not exist; the plan has clips 1–" + count
              + " (counted from 1)");
        }
        targets.add(n - 1);
      }
    }
    if (targets.isEmpty()) {
      for (int i = 0; i < count; i++) {
        targets.add(i);
      }
    }
    return targets;
  }

  private static String line(int index, String field, String from, String to) {
    return "clip " + (index + 1) + " (index " + index + "): " + field + " '" + from + "' → '" + to + "'";
  }
}
