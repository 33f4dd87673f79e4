package dev.reelmesh.llm.engine;

import java.util.List;

/** What an RPC answers besides its payload: the engine that produced it and the bill. */
public record Outcome<T>(T value, EngineReport engine, List<Cost> costs) {
  public Outcome {
    costs = List.copyOf(costs);
  }
}
