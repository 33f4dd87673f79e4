package dev.reelmesh.llm.engine;

import java.util.List;

/**
 * The configured LLM could not give a usable answer (after retries). Carries what was spent on
 * the way, since failed attempts can still cost tokens.
 */
public final class EngineFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Cost> costs;

  public EngineFailure(String reason, List<Cost> costs, Throwable cause) {
    super(reason, cause);
    this.costs = List.copyOf(costs);
  }

  public List<Cost> costs() {
    return costs;
  }
}
