package dev.reelmesh.llm.plan;

import dev.reelmesh.llm.plan.reading.LocationKind;
import java.util.List;

/** A location (the scene id of clip prompts), with the backdrop kind the painter draws. */
public record PlanLocation(String id, String name, String description, LocationKind kind,
    String placeName, List<String> features, boolean indoor) {

  public PlanLocation {
    features = List.copyOf(features);
  }

  public PlanLocation(String id, String name, String description) {
    this(id, name, description, LocationKind.UNSPECIFIED, "", List.of(), false);
  }
}
