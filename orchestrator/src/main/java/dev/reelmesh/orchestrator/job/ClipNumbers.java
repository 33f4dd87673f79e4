package dev.reelmesh.orchestrator.job;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Clips as a person counts them. The wire counts clips from 0 ({@code clip_indices}); every
 * message a person reads (events, the report, the CLI) counts from 1, as the CLI's flags do.
 */
public final class ClipNumbers {
  private ClipNumbers() {}

  /** "clip 2" or "clips 1, 3" for the 0-based {@code indices}. */
  public static String of(Collection<Integer> indices) {
    String numbers = indices.stream().sorted().map(i -> String.valueOf(i + 1))
        .collect(Collectors.joining(", "));
    return (indices.size() == 1 ? "clip " : "clips ") + numbers;
  }

  /** "clip 2" for the 0-based {@code index}. */
  public static String of(int index) {
    return "clip " + (index + 1);
  }
}
