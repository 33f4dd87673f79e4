package dev.reelmesh.llm.engine.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON schemas for strict structured output: every property required, nothing extra allowed. */
final class Schemas {
  private Schemas() {}

  static Map<String, Object> object(Object... namesAndSchemas) {
    Map<String, Object> props = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      props.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
      required.add((String) namesAndSchemas[i]);
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", props);
    schema.put("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  static Map<String, Object> array(Map<String, Object> items) {
    return Map.of("type", "array", "items", items);
  }

  static Map<String, Object> string() {
    return Map.of("type", "string");
  }

  static Map<String, Object> number() {
    return Map.of("type", "number");
  }

  static Map<String, Object> integer() {
    return Map.of("type", "integer");
  }

  static final Map<String, Object> CLIP_PROMPTS = object("prompts",
      array(object("clip_index", integer(), "prompt", string())));

  static final Map<String, Object> PLAN = object(
      "title", string(),
      "style", object("visual_style", string(), "mood", string(), "lighting", string(),
          "cinematography", string(), "palette", array(string())),
      "characters", array(object("id", string(), "name", string(), "description", string())),
      "locations", array(object("id", string(), "name", string(), "description", string())),
      "clips", array(object("index", integer(), "visual_description", string(), "motion", string(),
          "camera", string(), "character_ids", array(string()), "location_id", string(),
          "narration", string(), "beat_intensity", number())));

  static final Map<String, Object> REFINE = object("changes",
      array(object("clip_index", integer(), "field", string(), "value", string())));

  static final Map<String, Object> CRITIQUE = object("score", integer(), "critique", string(),
      "missing", array(string()));

  static final Map<String, Object> REWRITE = object("prompt", string());

  static final Map<String, Object> METAPHORS = object("metaphors",
      array(object("concept", string(), "gag", string())));
}
