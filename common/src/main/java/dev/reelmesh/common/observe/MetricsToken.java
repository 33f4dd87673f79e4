package dev.reelmesh.common.observe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The bearer token a scraper must send for {@code /metrics}, when the operator set one. The page
 * shows job counts and money, so a mesh reachable from other machines should not hand it to
 * anyone; Prometheus sends it with {@code authorization: {credentials: ...}} in its scrape config.
 * Without {@code REELMESH_METRICS_TOKEN} the page is open, as Prometheus exporters usually are,
 * and served on loopback unless the operator chose otherwise.
 */
public final class MetricsToken {
  public static final String VARIABLE = "REELMESH_METRICS_TOKEN";
  /** The {@code WWW-Authenticate} value a refused scrape is answered with (status 401). */
  public static final String CHALLENGE = "Bearer realm=\"metrics\"";
  /** Shorter secrets are guessable by a scraper that simply tries. */
  static final int MIN_LENGTH = 16;
  private static final MetricsToken NONE = new MetricsToken(null);

  private final byte[] expected;

  private MetricsToken(String value) {
    this.expected = value == null ? null
        : ("Bearer " + value).getBytes(StandardCharsets.UTF_8);
  }

  /** No token: every scrape is answered. */
  public static MetricsToken none() {
    return NONE;
  }

  /** The token in {@code REELMESH_METRICS_TOKEN}, or {@link #none()} when unset. */
  public static MetricsToken fromEnv(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isEmpty()) {
      return NONE;
    }
    if (value.strip().length() < MIN_LENGTH || !value.equals(value.strip())) {
      throw new IllegalArgumentException(VARIABLE + " must be at least " + MIN_LENGTH
          + " characters without surrounding spaces (got " + value.length() + ")");
    }
    return new MetricsToken(value);
  }

  public boolean required() {
    return expected != null;
  }

  /** Whether a request with this {@code Authorization} header (null when absent) may scrape. */
  public boolean admits(String authorization) {
    if (expected == null) {
      return true;
    }
    // Constant time, so the comparison does not tell a prober how much of a guess was right.
    return authorization != null && MessageDigest.isEqual(expected,
        authorization.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return expected == null ? "MetricsToken[none]" : "MetricsToken[set]";
  }
}
