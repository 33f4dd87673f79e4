package dev.reelmesh.common.config;

/**
 * Default ports of the four services. {@code reelmesh up --port-base N} shifts them together:
 * pipeline N, llm N+1, scoring N+2, media N+3.
 */
public record ServicePorts(int pipeline, int llm, int scoring, int media) {
  public static final int DEFAULT_BASE = 50051;

  public static ServicePorts fromBase(int base) {
    if (base < 1 || base > 65532) {
      throw new IllegalArgumentException("--port-base must be in [1, 65532], got " + base);
    }
    return new ServicePorts(base, base + 1, base + 2, base + 3);
  }

  public static ServicePorts defaults() {
    return fromBase(DEFAULT_BASE);
  }
}
