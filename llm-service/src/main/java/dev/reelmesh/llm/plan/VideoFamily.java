package dev.reelmesh.llm.plan;

/** The video model family prompts are written for; prompt length follows it. */
public enum VideoFamily {
  GENERIC(199),
  SVD(150),
  COGVIDEOX(199),
  SORA(45);

  private final int maxWords;

  VideoFamily(int maxWords) {
    this.maxWords = maxWords;
  }

  /** Hard word cap of one clip prompt for this family (always below 200). */
  public int maxWords() {
    return maxWords;
  }
}
