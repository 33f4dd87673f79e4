package dev.reelmesh.llm.plan.reading;

import java.util.List;

/**
 * Where the brief happens.
 *
 * @param name the setting as the brief names it ("small corner café", "rainy puddle"), or the
 *     planner's word when it was implied ("kitchen")
 * @param implied true when the brief named no setting and the subject suggested this one
 * @param placeName a city or region ("Lisbon"), or ""
 * @param features other things in the setting the brief names ("lighthouse", "balcony")
 * @param anchor the brief's own words placing things there ("on a wooden desk"), or ""
 */
public record Setting(String name, LocationKind kind, boolean implied, String placeName,
    List<String> features, String anchor) {
  public Setting {
    features = List.copyOf(features);
  }
}
