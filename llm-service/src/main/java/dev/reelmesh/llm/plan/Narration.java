package dev.reelmesh.llm.plan;

import java.util.Arrays;

/** Voice-over pacing: at most ~2.5 spoken words per second of clip. */
public final class Narration {
  public static final double WORDS_PER_SECOND = 2.5;

  private Narration() {}

  public static int maxWords(double clipSeconds) {
    return Math.max(1, (int) Math.floor(clipSeconds * WORDS_PER_SECOND));
  }

  public static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** Trims {@code line} to {@code maxWords}, ending on a full stop. */
  public static String fit(String line, int maxWords) {
    String[] words = line.strip().split("\\s+");
    if (line.isBlank() || words.length <= maxWords) {
      return line.strip();
    }
    String cut = String.join(" ", Arrays.copyOf(words, maxWords)).replaceAll("[,;:—-]+$", "");
    return cut.endsWith(".") || cut.endsWith("!") || cut.endsWith("?") ? cut : cut + ".";
  }
}
