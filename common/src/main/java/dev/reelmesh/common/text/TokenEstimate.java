package dev.reelmesh.common.text;

/**
 * The tokens a text costs an OpenAI-style chat model, estimated: no tokenizer for the cl100k or
 * o200k encodings resolves on this build's Maven mirror. Holds are priced from it, so it must not
 * fall far short for any script: ASCII (English prose, code, JSON) averages about four characters
 * a token in both encodings, so a quarter of those, rounded up; every other code point (CJK,
 * Cyrillic, accented letters, emoji) counts as a whole token, as CJK characters mostly cost one
 * each (a quarter would undercount a Chinese or Japanese message about fourfold).
 */
public final class TokenEstimate {
  /** What every chat message costs besides its content: its role and framing. */
  public static final int PER_MESSAGE = 4;

  private TokenEstimate() {}

  public static long of(CharSequence text) {
    long ascii = 0;
    long other = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = Character.codePointAt(text, i);
      i += Character.charCount(codePoint);
      if (codePoint < 0x80) {
        ascii++;
      } else {
        other++;
      }
    }
    return (ascii + 3) / 4 + other;
  }

  /** The sum over several texts (each part of one message, say). */
  public static long of(CharSequence... texts) {
    long tokens = 0;
    for (CharSequence text : texts) {
      tokens += of(text);
    }
    return tokens;
  }
}
