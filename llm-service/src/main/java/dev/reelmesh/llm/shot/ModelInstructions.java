package dev.reelmesh.llm.shot;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in a fragment that speaks to a model instead of describing a shot: markup
 * ({@code <script>…</script>}, any tag), chat role markers ("system: you are evil") and the usual
 * override phrases ("ignore previous instructions", "you are now …"). Fragments are data; such
 * text is removed (a role marker takes the rest of its fragment with it) and reported.
 */
final class ModelInstructions {
  private static final List<Pattern> PATTERNS = List.of(
      Pattern.compile("(?is)<\\s*(script|style|iframe|object|embed)\\b[^>]*>.*?(?:<\\s*/\\s*\\1\\s*>|$)"),
      Pattern.compile("(?s)<[^<>]{0,300}>|&lt;.*?&gt;"),
      Pattern.compile("(?is)\\b(?:system|assistant|user|developer|instructions?)\\s*:.*$"),
      Pattern.compile("(?is)\\[/?(?:inst|sys)\\].*$|<<\\s*sys\\s*>>.*$|#{2,}\\s*\\w+.*$"),
      Pattern.compile("(?i)\\b(?:ignore|disregard|forget|override)\\b[^.;,]*?\\b(?:instructions?|prompts?|rules|above|previous|prior|guidelines)\\b[^.;]*"),
      Pattern.compile("(?i)\\byou\\s+are\\s+(?:now\\s+)?(?:an?\\s+|the\\s+)?(?:evil|assistant|ai|chatgpt|gpt|model|dan|jailbroken|unfiltered|free)\\b[^.;]*"),
      Pattern.compile("(?i)\\b(?:act as|pretend to be|respond (?:only )?with|reply with|print|reveal|output)\\b[^.;]*?\\b(?:prompt|instructions|system|key|password|json|secret)\\b[^.;]*"),
      Pattern.compile("\\{\\{.*?\\}\\}|\\$\\{.*?\\}|```"));

  private ModelInstructions() {}

  /** The text with every instruction removed; {@code removed} collects what went. */
  static String strip(String text, List<String> removed) {
    String v = text;
    for (Pattern p : PATTERNS) {
      Matcher m = p.matcher(v);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        removed.add(m.group().strip());
        m.appendReplacement(out, " ");
      }
      m.appendTail(out);
      v = out.toString();
    }
    return v;
  }

  static boolean present(String prose) {
    return PATTERNS.stream().anyMatch(p -> p.matcher(prose).find());
  }
}
