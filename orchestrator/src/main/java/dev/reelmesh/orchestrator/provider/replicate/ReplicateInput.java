package dev.reelmesh.orchestrator.provider.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input of one prediction: the configured template with its placeholders filled for a
 * clip. Each model names its fields its own way ("image", "start_image", "first_frame_image",
 * "num_frames", "duration"), so the operator maps them once in the template:
 *
 * <ul>
 *   <li>{@code {prompt}}, {@code {negative_prompt}}: the clip's video prompt
 *   <li>{@code {image}}, {@code {end_image}}: the clip's start / end frame as a data: URL
 *   <li>{@code {seconds}} (whole seconds, rounded up), {@code {duration}}, {@code {fps}},
 *       {@code {frames}} (seconds × fps, rounded up), {@code {width}}, {@code {height}},
 *       {@code {aspect_ratio}} ("16:9")
 * </ul>
 *
 * A string that is exactly one numeric placeholder becomes a JSON number.
 */
final class ReplicateInput {
  static final Set<String> TEXT = Set.of("prompt", "negative_prompt", "image", "end_image",
      "aspect_ratio");
  static final Set<String> NUMBERS = Set.of("seconds", "duration", "fps", "frames", "width",
      "height");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private ReplicateInput() {}

  /** Refuses placeholders the provider does not know, naming them. */
  static void checkPlaceholders(String variable, JsonNode template) {
    Set<String> unknown = new TreeSet<>();
    collect(template, unknown);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(variable + " uses unknown placeholders " + unknown
          + "; known: " + new TreeSet<>(TEXT) + " " + new TreeSet<>(NUMBERS));
    }
  }

  private static void collect(JsonNode node, Set<String> unknown) {
    if (node.isTextual()) {
      Matcher m = PLACEHOLDER.matcher(node.textValue());
      while (m.find()) {
        if (!TEXT.contains(m.group(1)) && !NUMBERS.contains(m.group(1))) {
          unknown.add(m.group(1));
        }
      }
    }
    node.forEach(child -> collect(child, unknown));
  }

  /** The template with {@code values} filled in (numbers as JSON numbers where alone). */
  static ObjectNode fill(ObjectNode template, Map<String, Object> values) {
    return (ObjectNode) fillNode(template, values);
  }

  private static JsonNode fillNode(JsonNode node, Map<String, Object> values) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (node instanceof ObjectNode object) {
      ObjectNode out = nodes.objectNode();
      object.fields().forEachRemaining(e -> out.set(e.getKey(), fillNode(e.getValue(), values)));
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = nodes.arrayNode();
      array.forEach(child -> out.add(fillNode(child, values)));
      return out;
    }
    if (!node.isTextual()) {
      return node;
    }
    String text = node.textValue();
    Matcher whole = PLACEHOLDER.matcher(text);
    if (whole.matches() && values.get(whole.group(1)) instanceof Number n) {
      return n instanceof Double d ? nodes.numberNode(d) : nodes.numberNode(n.longValue());
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(
          values.getOrDefault(m.group(1), ""))));
    }
    m.appendTail(out);
    return nodes.textNode(out.toString());
  }
}
