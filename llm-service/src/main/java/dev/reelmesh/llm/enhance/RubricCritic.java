package dev.reelmesh.llm.enhance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The offline critic: a rubric over what makes an image prompt render well. Each criterion has a
 * weight; the score is the weighted share met. Missing criteria come back weakest (heaviest) first
 * so the writer fixes what matters most.
 */
public final class RubricCritic {
  enum Criterion {
    SUBJECT(20, "a clear subject (at least four words describing who or what)"),
    LIGHTING(15, "lighting (e.g. soft window light, golden hour, rim light)"),
    COMPOSITION(15, "composition or framing (close-up, wide shot, rule of thirds, centred)"),
    STYLE(15, "a visual style (cinematic, photorealistic, illustration …), matching the job's style"),
    SPECIFICITY(15, "specific detail: colours, materials, textures or numbers"),
    MOOD(10, "a mood or atmosphere"),
    LENGTH(10, "a workable length (15–80 words)");

    final int weight;
    final String advice;

    Criterion(int weight, String advice) {
      this.weight = weight;
      this.advice = advice;
    }
  }

  static final Pattern LIGHTING = Pattern.compile("(?i)\\b(light|lighting|lit|sunlight|golden hour|backlit|shadows?|glow|neon|daylight|rim light|softbox)\\b");
  static final Pattern COMPOSITION = Pattern.compile("(?i)\\b(close-up|close up|wide shot|medium shot|framing|framed|composition|rule of thirds|centred|centered|overhead|low angle|eye-level|foreground|background|depth of field)\\b");
  static final Pattern STYLE = Pattern.compile("(?i)\\b(cinematic|photorealistic|photograph|illustration|painting|watercolou?r|anime|noir|documentary|minimal|film still|35mm|render)\\b");
  static final Pattern SPECIFIC = Pattern.compile("(?i)\\b(red|orange|amber|gold|yellow|green|teal|blue|navy|purple|pink|white|black|cream|brown|grey|gray|ceramic|wooden|wood|steel|glass|linen|leather|marble|brass|velvet|matte|textured?|\\d+)\\b");
  static final Pattern MOOD = Pattern.compile("(?i)\\b(mood|atmosphere|calm|serene|tense|joyful|hopeful|cozy|cosy|moody|dramatic|playful|warm|melancholic|peaceful|energetic|quiet)\\b");

  public Critique critique(String prompt, EnhanceContext context) {
    List<Criterion> missing = new ArrayList<>();
    int words = prompt.strip().split("\\s+").length;
    String lower = prompt.toLowerCase(Locale.ROOT);
    check(missing, Criterion.SUBJECT, words >= 4);
    check(missing, Criterion.LIGHTING, LIGHTING.matcher(prompt).find());
    check(missing, Criterion.COMPOSITION, COMPOSITION.matcher(prompt).find());
    boolean style = context.style() != null && !context.style().visualStyle().isBlank()
        ? lower.contains(context.style().visualStyle().toLowerCase(Locale.ROOT))
        : STYLE.matcher(prompt).find();
    check(missing, Criterion.STYLE, style);
    check(missing, Criterion.SPECIFICITY, countMatches(SPECIFIC, prompt) >= 2);
    check(missing, Criterion.MOOD, MOOD.matcher(prompt).find());
    check(missing, Criterion.LENGTH, words >= 15 && words <= 80);
    int lost = missing.stream().mapToInt(c -> c.weight).sum();
    int score = 100 - lost;
    if (context.hasReference() && !lower.contains("reference")) {
      score -= 5; // a reference-anchored frame should say it keeps to the reference
    }
    score = Math.max(0, score);
    List<String> names = missing.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    String text = missing.isEmpty() ? "meets every rubric criterion"
        : "missing: " + String.join("; ", missing.stream().map(c -> c.advice).toList());
    return new Critique(score, text, names);
  }

  private static void check(List<Criterion> missing, Criterion c, boolean met) {
    if (!met) {
      missing.add(c);
    }
  }

  private static int countMatches(Pattern p, String text) {
    int n = 0;
    var m = p.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }
}
