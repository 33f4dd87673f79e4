package dev.reelmesh.llm.plan.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a brief into tokens with a first word class. Multi-word terms ("golden hour", "slow
 * motion", "music video") become one token so each is read as one thing.
 */
final class Tokenizer {
  private static final List<String> COMPOUNDS = List.of("golden hour", "blue hour", "slow motion",
      "music video", "save the date", "time lapse", "living room", "coffee shop", "fairy lights",
      "street food", "pickup truck", "robot arm", "ice cream", "space station", "meeting room",
      "server room", "assembly line", "point of view");
  private static final Pattern MARKS = Pattern.compile("^([\"'(\\[]*)(.*?)([\"')\\],.:;!?…]*)$");

  private Tokenizer() {}

  static List<Token> tokens(String brief, List<String> formatWords) {
    String text = " " + brief.replace('’', '\'').replace("–", " — ") + " ";
    text = take(text, FormatWords.RATIO, formatWords);
    text = take(text, FormatWords.DURATION, formatWords);
    for (String c : COMPOUNDS) {
      text = text.replaceAll("(?i)\\b" + c + "\\b", c.replace(' ', '_'));
    }
    List<Token> out = new ArrayList<>();
    for (String raw : text.strip().split("\\s+")) {
      if (raw.isEmpty()) {
        continue;
      }
      if (raw.matches("[—\\-]+")) {
        out.add(new Token("—", Token.Type.BREAK));
        continue;
      }
      Matcher m = MARKS.matcher(raw);
      if (!m.matches()) {
        continue;
      }
      String word = m.group(2).replace('_', ' ');
      if (word.equals("\u0001")) {
        out.add(new Token("", Token.Type.FORMAT)); // where a duration or ratio stood
      } else if (!word.isEmpty()) {
        out.add(classify(word));
      }
      for (char c : m.group(3).toCharArray()) {
        if (c == ',') {
          out.add(new Token(",", Token.Type.COMMA));
        } else if (".:;!?…".indexOf(c) >= 0) {
          out.add(new Token(String.valueOf(c), Token.Type.BREAK));
        }
      }
    }
    return out;
  }

  private static String take(String text, Pattern p, List<String> formatWords) {
    Matcher m = p.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      formatWords.add(m.group().strip());
      m.appendReplacement(sb, " \u0001 ");
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static Token classify(String word) {
    String w = Grammar.lower(word);
    Token.Type t = Grammar.DETERMINERS.contains(w) ? Token.Type.DET
        : Grammar.PREPOSITIONS.contains(w) ? Token.Type.PREP
        : Grammar.CONJUNCTIONS.contains(w) ? Token.Type.CONJ
        : Grammar.isIngVerb(w) || Grammar.isFiniteVerb(w) ? Token.Type.VERB
        : Token.Type.WORD;
    return new Token(word, t);
  }
}
