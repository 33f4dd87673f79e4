package dev.reelmesh.common.observe;

import java.util.Map;

/** The metrics port an operator asked for in the environment, checked. */
public final class MetricsPort {
  public static final String VARIABLE = "REELMESH_METRICS_PORT";

  private MetricsPort() {}

  /** {@code REELMESH_METRICS_PORT} as a port (0 = any free one), or null when unset. */
  public static Integer fromEnv(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // refused below, with the value
    }
    throw new IllegalArgumentException(VARIABLE + " must be a port in [0, 65535], got '"
        + value + "'");
  }
}
