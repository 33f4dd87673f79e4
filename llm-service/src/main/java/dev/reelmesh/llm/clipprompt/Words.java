package dev.reelmesh.llm.clipprompt;

import java.util.Arrays;

/** Whitespace word counting and the hard cap every prompt respects. */
public final class Words {
  public static final String ELLIPSIS = "…";

  private Words() {}

  public static int count(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** At most {@code max} words; a cut text ends in "…" so a reader sees it was shortened. */
  public static String truncate(String text, int max) {
    String[] words = text.strip().split("\\s+");
    if (words.length <= max) {
      return text.strip();
    }
    String cut = String.join(" ", Arrays.copyOf(words, max)).replaceAll("[,;:.]+$", "");
    return cut + ELLIPSIS;
  }
}
