package dev.reelmesh.scoring.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which versions on disk are loaded (Triton's version_policy, in model.json):
 * {@code {"latest":{"num_versions":N}}} — the newest N that load (default N = 1);
 * {@code {"all":{}}} — every version that loads; {@code {"specific":{"versions":[1,3]}}} — those.
 * Requests use the newest loaded version (or the one LoadModel pinned); the others stay loaded
 * and warm, so LoadModel of one of them swaps at once.
 */
public record VersionPolicy(Mode mode, int latest, Set<Long> specific) {
  public enum Mode { LATEST, ALL, SPECIFIC }

  public static final VersionPolicy DEFAULT = new VersionPolicy(Mode.LATEST, 1, Set.of());
  static final int MAX_LATEST = 16;

  /** Whether {@code version} may be loaded by the watcher at all. */
  boolean allows(long version) {
    return mode != Mode.SPECIFIC || specific.contains(version);
  }

  /** How many versions to keep loaded, at most. */
  int limit() {
    return mode == Mode.LATEST ? latest : Integer.MAX_VALUE;
  }

  @Override
  public String toString() {
    return switch (mode) {
      case LATEST -> "latest " + latest;
      case ALL -> "all";
      case SPECIFIC -> "specific " + specific;
    };
  }

  static VersionPolicy parse(JsonNode node) throws ManifestException {
    if (node.isMissingNode()) {
      return DEFAULT;
    }
    if (!node.isObject() || node.size() != 1) {
      throw new ManifestException("model.json: version_policy must be one of {\"latest\":"
          + "{\"num_versions\":N}}, {\"all\":{}}, {\"specific\":{\"versions\":[…]}}");
    }
    String mode = node.fieldNames().next();
    JsonNode body = node.get(mode);
    switch (mode) {
      case "latest" -> {
        JsonNode n = body.path("num_versions");
        if (!n.isMissingNode() && (!n.isInt() || n.asInt() < 1 || n.asInt() > MAX_LATEST)) {
          throw new ManifestException("model.json: version_policy.latest.num_versions must be an"
              + " integer in [1, " + MAX_LATEST + "], got " + n);
        }
        return new VersionPolicy(Mode.LATEST, n.asInt(1), Set.of());
      }
      case "all" -> {
        return new VersionPolicy(Mode.ALL, 0, Set.of());
      }
      case "specific" -> {
        JsonNode versions = body.path("versions");
        if (!versions.isArray() || versions.isEmpty()) {
          throw new ManifestException("model.json: version_policy.specific.versions must be a"
              + " non-empty list of versions");
        }
        Set<Long> out = new TreeSet<>();
        for (JsonNode v : versions) {
          if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 1) {
            throw new ManifestException("model.json: version_policy.specific.versions holds " + v
                + "; versions are integers >= 1");
          }
          out.add(v.asLong());
        }
        return new VersionPolicy(Mode.SPECIFIC, 0, Set.copyOf(out));
      }
      default -> throw new ManifestException("model.json: version_policy '" + mode
          + "' is not one of latest, all, specific");
    }
  }
}
