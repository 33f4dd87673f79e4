package dev.reelmesh.llm.plan.reading;

import java.util.List;

/**
 * A noun phrase of the brief: its words (brief case), the determiner and preposition before it,
 * and where it stands (segment = between hard breaks, clause = between commas).
 */
record Phrase(List<String> words, String det, String prep, int segment, int clause, int position,
    boolean product) {
  Phrase {
    words = List.copyOf(words);
  }

  /** Last word, lowercase: "shop" of "bicycle repair shop". */
  String head() {
    return Grammar.lower(words.get(words.size() - 1));
  }

  /** Words before the head, lowercase. */
  List<String> modifiers() {
    return words.subList(0, words.size() - 1).stream().map(Grammar::lower).toList();
  }

  /** Lowercase text, except proper names keep their case ("Spoke & Chain"). */
  String text() {
    return String.join(" ", words.stream().map(w -> properName() ? w : Grammar.lower(w)).toList());
  }

  /** Every word capitalised (a brand or a place name), and not just the brief's first word. */
  boolean properName() {
    return words.stream().allMatch(w -> w.equals("&") || Character.isUpperCase(w.charAt(0)))
        && !(position == 0 && words.size() == 1);
  }

  boolean plural() {
    return Grammar.isPlural(head());
  }

  Phrase marked() {
    return new Phrase(words, det, prep, segment, clause, position, true);
  }
}
