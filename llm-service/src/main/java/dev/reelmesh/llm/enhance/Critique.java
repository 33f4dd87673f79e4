package dev.reelmesh.llm.enhance;

import java.util.List;

/** A critic's verdict: 0–100, in words, and the rubric criteria still missing (weakest first). */
public record Critique(int score, String text, List<String> missing) {
  public Critique {
    missing = List.copyOf(missing);
  }
}
