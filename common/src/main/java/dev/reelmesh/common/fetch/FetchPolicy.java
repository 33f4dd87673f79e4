package dev.reelmesh.common.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs a service may fetch images from. Off unless hosts are listed: a service that fetches
 * whatever URL a request names can be pointed at the network behind it.
 *
 * @param allowedHosts exact host names, or {@code *.example.com} for its subdomains
 * @param allowPrivateAddresses whether an allowed host may resolve to a loopback, private or
 *     link-local address (for a fetch from inside one's own network or tests)
 */
public record FetchPolicy(Set<String> allowedHosts, boolean allowPrivateAddresses,
    Duration timeout) {
  public static final String ALLOW_VARIABLE = "REELMESH_FETCH_ALLOW";
  public static final String PRIVATE_VARIABLE = "REELMESH_FETCH_ALLOW_PRIVATE";
  public static final FetchPolicy DISABLED = new FetchPolicy(Set.of(), false,
      Duration.ofSeconds(30));

  public FetchPolicy {
    allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
        .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    for (String host : allowedHosts) {
      if (!host.matches("(\\*\\.)?[a-z0-9.-]+|\\[[0-9a-f:]+]")) {
        throw new IllegalArgumentException(ALLOW_VARIABLE + ": '" + host + "' is not a host name "
            + "(use names like cdn.example.com or *.example.com, comma-separated)");
      }
    }
  }

  /** REELMESH_FETCH_ALLOW (comma-separated hosts) and REELMESH_FETCH_ALLOW_PRIVATE=true. */
  public static FetchPolicy fromEnv(Map<String, String> env) {
    String hosts = env.getOrDefault(ALLOW_VARIABLE, "");
    String privateOk = env.getOrDefault(PRIVATE_VARIABLE, "false").strip();
    if (!privateOk.equals("true") && !privateOk.equals("false")) {
      throw new IllegalArgumentException(PRIVATE_VARIABLE + " must be true or false, got '"
          + privateOk + "'");
    }
    return new FetchPolicy(Set.of(hosts.split(",")), privateOk.equals("true"),
        DISABLED.timeout());
  }

  public boolean enabled() {
    return !allowedHosts.isEmpty();
  }

  public boolean allows(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String allowed : allowedHosts) {
      if (allowed.startsWith("*.") ? h.endsWith(allowed.substring(1)) : h.equals(allowed)) {
        return true;
      }
    }
    return false;
  }
}
