package dev.reelmesh.scoring.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which input/output of a model plays which role. The manifest names win; otherwise the model's
 * own metadata decides (by element type and rank, preferring the names CLIP exporters use), so no
 * tensor name is hard-wired into the service.
 */
final class TensorRoles {
  private TensorRoles() {}

  static Map<String, String> resolve(
      ModelManifest manifest, List<TensorSpec> inputs, List<TensorSpec> outputs)
      throws ModelLoadException {
    Map<String, String> roles = new LinkedHashMap<>();
    ModelKind kind = manifest.kind();
    if (kind.hasVision()) {
      roles.put("pixel_values", pick(manifest.inputs(), inputs, "pixel_values", "input",
          t -> t.elementType().equals("float32") && t.rank() == 4, "a float32 input of rank 4"));
      roles.put("image_embeds", pick(manifest.outputs(), outputs, "image_embeds", "output",
          t -> t.elementType().equals("float32") && t.rank() == 2, "a float32 output of rank 2"));
    }
    if (kind.hasText()) {
      roles.put("input_ids", pick(manifest.inputs(), inputs, "input_ids", "input",
          t -> isInteger(t) && t.rank() == 2, "an int64/int32 input of rank 2"));
      Optional<TensorSpec> mask = find(manifest.inputs(), inputs, "attention_mask",
          t -> isInteger(t) && t.rank() == 2 && !t.name().equals(roles.get("input_ids")));
      mask.ifPresent(t -> roles.put("attention_mask", t.name()));
      roles.put("text_embeds", pick(manifest.outputs(), outputs, "text_embeds", "output",
          t -> t.elementType().equals("float32") && t.rank() == 2
              && !t.name().equals(roles.get("image_embeds")), "a float32 output of rank 2"));
    }
    if (kind == ModelKind.AESTHETIC_HEAD) {
      roles.put("embedding", pick(manifest.inputs(), inputs, "embedding", "input",
          t -> t.elementType().equals("float32") && t.rank() == 2, "a float32 input of rank 2"));
      roles.put("score", pick(manifest.outputs(), outputs, "score", "output",
          t -> t.elementType().equals("float32"), "a float32 output"));
    }
    int needed = roles.size();
    long modelInputs = inputs.size();
    long used = roles.entrySet().stream()
        .filter(e -> inputs.stream().anyMatch(t -> t.name().equals(e.getValue()))).count();
    if (used < modelInputs) {
      throw new ModelLoadException("model has inputs " + inputs + " but a " + kind.id()
          + " model feeds only " + roles + " (" + needed + " roles); name them in model.json");
    }
    return roles;
  }

  private static boolean isInteger(TensorSpec t) {
    return t.elementType().equals("int64") || t.elementType().equals("int32");
  }

  private static String pick(Map<String, String> named, List<TensorSpec> specs, String role,
      String what, Predicate<TensorSpec> fits, String expected) throws ModelLoadException {
    String given = named.get(role);
    if (given != null) {
      TensorSpec spec = specs.stream().filter(t -> t.name().equals(given)).findFirst()
          .orElseThrow(() -> new ModelLoadException("model.json names " + what + " '" + given
              + "' for " + role + ", but the model's " + what + "s are " + specs));
      if (!fits.test(spec)) {
        throw new ModelLoadException(what + " " + spec + " cannot be " + role + ": expected "
            + expected);
      }
      return given;
    }
    return find(named, specs, role, fits).map(TensorSpec::name).orElseThrow(() ->
        new ModelLoadException("no single " + what + " fits " + role + " (" + expected
            + ") among " + specs + "; name it in model.json " + what + "s." + role));
  }

  /** The spec named after the role if it fits, else the only fitting one (never a guess). */
  private static Optional<TensorSpec> find(Map<String, String> named, List<TensorSpec> specs,
      String role, Predicate<TensorSpec> fits) {
    if (named.containsKey(role)) {
      return specs.stream().filter(t -> t.name().equals(named.get(role))).findFirst();
    }
    Optional<TensorSpec> byName = specs.stream()
        .filter(t -> t.name().contains(role) && fits.test(t)).findFirst();
    if (byName.isPresent() || role.equals("attention_mask")) {
      return byName.or(() -> specs.stream()
          .filter(t -> t.name().contains("mask") && fits.test(t)).findFirst());
    }
    List<TensorSpec> fitting = specs.stream().filter(fits).toList();
    return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
  }
}
