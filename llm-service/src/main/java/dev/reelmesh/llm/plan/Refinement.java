package dev.reelmesh.llm.plan;

import java.util.List;

/** A refined plan and one line per change made. */
public record Refinement(Plan plan, List<String> changes) {
  public Refinement {
    changes = List.copyOf(changes);
  }
}
