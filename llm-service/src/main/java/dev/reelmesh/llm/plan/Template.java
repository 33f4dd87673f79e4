package dev.reelmesh.llm.plan;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills "{X} {Af}{T?}." from named slots. A template whose required slot is empty does not apply
 * (so no line says "Meet ." or "Try  today."); "{T?}" slots may be empty and vanish cleanly.
 */
final class Template {
  private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z0-9]+)(\\??)}");

  private Template() {}

  static Optional<String> fill(String template, Map<String, String> slots) {
    Matcher m = SLOT.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = slots.getOrDefault(m.group(1), "");
      if (value.isEmpty() && m.group(2).isEmpty()) {
        return Optional.empty();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    String s = sb.toString().replaceAll("\\s+", " ").replaceAll(" ([,.:;!?])", "$1")
        .replaceAll(",\\s*([,.:;!?])", "$1").replaceAll("^[,:; ]+", "").strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(Character.toUpperCase(s.charAt(0)) + s.substring(1));
  }
}
