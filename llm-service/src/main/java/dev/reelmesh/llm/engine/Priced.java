package dev.reelmesh.llm.engine;

import java.util.List;

/** A value and what producing it cost. */
public record Priced<T>(T value, List<Cost> costs) {
  public Priced {
    costs = List.copyOf(costs);
  }

  public static <T> Priced<T> free(T value) {
    return new Priced<>(value, List.of());
  }
}
