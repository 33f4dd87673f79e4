package dev.reelmesh.llm.plan.reading;

/** One word or mark of a brief, with its word class; {@code text} keeps the brief's case. */
record Token(String text, Type type) {
  enum Type {
    /** A content word (noun or adjective) that may form a noun phrase. */
    WORD,
    DET, PREP, CONJ,
    /** An action: an -ing form or a finite verb. */
    VERB,
    /** A comma: a soft boundary (lists, trailing modifiers). */
    COMMA,
    /** A colon, dash, full stop or semicolon: a hard boundary. */
    BREAK,
    /** Set aside as format ("vertical", "clip", "Instagram", "15 second"). */
    FORMAT,
    /** Mood, time of day, season, weather or camera word: kept for style, not a noun phrase. */
    MODIFIER
  }

  String lower() {
    return Grammar.lower(text);
  }

  boolean is(Type t) {
    return type == t;
  }

  Token as(Type t) {
    return new Token(text, t);
  }

  boolean capitalised() {
    return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
  }
}
