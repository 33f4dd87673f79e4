package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A brief as words: the content part (after "format: " or "format — " when the part before it
 * is about the format), each word lower-cased and singular, and whether it was a proper name
 * (capitalised inside a clause: "Spoke & Chain", "Lisbon"), which names no thing to draw.
 */
record BriefTokens(List<Token> content, List<Token> all) {
  record Token(String word, boolean properName) {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  static BriefTokens of(String brief) {
    List<Token> all = tokens(brief);
    String content = brief;
    Matcher separator = Pattern.compile(":|\\s[—–-]\\s").matcher(brief);
    if (separator.find()) {
      String before = brief.substring(0, separator.start());
      boolean formatBefore = tokens(before).stream()
          .anyMatch(t -> Lexicon.FORMAT.contains(t.word()) || t.properName());
      if (formatBefore && !brief.substring(separator.end()).isBlank()) {
        content = brief.substring(separator.end());
      }
    }
    return new BriefTokens(tokens(content), all);
  }

  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    int clauseStart = 0;
    while (m.find()) {
      String raw = m.group();
      String gap = text.substring(clauseStart, m.start());
      boolean startsClause = out.isEmpty() || gap.matches("(?s).*[.:;!?—–]\\s*$");
      boolean proper = !startsClause && Character.isUpperCase(raw.charAt(0))
          && !raw.equals(raw.toUpperCase(Locale.ROOT));
      out.add(new Token(Lexicon.singular(raw.toLowerCase(Locale.ROOT)), proper));
      clauseStart = m.end();
    }
    return out;
  }
}
