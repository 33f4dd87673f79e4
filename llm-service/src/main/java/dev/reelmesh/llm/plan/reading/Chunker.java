package dev.reelmesh.llm.plan.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Groups tokens into noun phrases and keeps the rest (verbs, prepositions, conjunctions, breaks)
 * between them, so the reader can walk "NP VERB NP PREP NP" patterns.
 */
final class Chunker {
  /** Measure nouns that take an "of" phrase as part of the same thing ("glass of water"). */
  private static final Set<String> MEASURES = Set.of("glass", "cup", "bowl", "plate", "bottle",
      "jar", "piece", "slice", "box", "bag", "pot", "bunch", "stack", "pair", "loaf", "jug", "mug",
      "basket", "handful", "tray", "bouquet", "string", "row", "set");

  /** An item: a phrase, or a token that is not part of one. */
  record Item(Phrase phrase, Token token) {
    boolean isPhrase() {
      return phrase != null;
    }

    boolean is(Token.Type t) {
      return token != null && token.is(t);
    }
  }

  private Chunker() {}

  static List<Item> chunk(List<Token> tokens) {
    List<Item> items = new ArrayList<>();
    List<String> words = new ArrayList<>();
    String det = "";
    String prep = "";
    int segment = 0;
    int clause = 0;
    int start = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean brandJoin = t.text().equals("&") && !words.isEmpty() && i + 1 < tokens.size()
          && tokens.get(i + 1).capitalised();
      boolean measureOf = t.lower().equals("of") && !words.isEmpty()
          && MEASURES.contains(Grammar.lower(words.get(words.size() - 1)))
          && i + 1 < tokens.size() && (tokens.get(i + 1).is(Token.Type.WORD) || tokens.get(i + 1).is(Token.Type.DET));
      if (t.is(Token.Type.WORD) || brandJoin || measureOf) {
        if (words.isEmpty()) {
          start = i;
        }
        words.add(t.text());
        if (measureOf && tokens.get(i + 1).is(Token.Type.DET)) {
          i++; // "glass of the water": the determiner is not part of the name
        }
        continue;
      }
      if (!words.isEmpty()) {
        items.add(new Item(new Phrase(words, det, prep, segment, clause, start, false), null));
        words = new ArrayList<>();
        det = "";
        prep = "";
      }
      switch (t.type()) {
        case DET -> det = t.lower();
        case PREP -> prep = t.lower();
        case COMMA -> {
          clause++;
          prep = "";
        }
        case BREAK -> {
          segment++;
          clause++;
          prep = "";
        }
        case VERB, CONJ -> prep = "";
        default -> { }
      }
      if (!t.is(Token.Type.DET) && !t.is(Token.Type.FORMAT) && !t.is(Token.Type.MODIFIER)) {
        items.add(new Item(null, t));
      }
    }
    if (!words.isEmpty()) {
      items.add(new Item(new Phrase(words, det, prep, segment, clause, start, false), null));
    }
    return items;
  }
}
