package dev.reelmesh.orchestrator.provider.remote;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Reading a provider's settings from the environment; a bad value names its variable. */
public final class EnvValues {
  private EnvValues() {}

  public static Optional<String> nonBlank(Map<String, String> env, String variable) {
    String value = env.get(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** A base URL without its trailing slashes. */
  public static String baseUrl(Map<String, String> env, String variable, String fallback) {
    String url = nonBlank(env, variable).orElse(fallback).replaceAll("/+$", "");
    if (!(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException(variable + " must be an http(s) URL, got '" + url + "'");
    }
    return url;
  }

  /** US dollars ("0.07") as micro-dollars, in (0, max]. */
  public static long usdMicros(String variable, String usd, double max) {
    try {
      BigDecimal value = new BigDecimal(usd.strip());
      if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw new NumberFormatException();
      }
      return value.movePointRight(6).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(variable + " must be US dollars, more than 0 and at "
          + "most " + max + ", got '" + usd + "'");
    }
  }
}
