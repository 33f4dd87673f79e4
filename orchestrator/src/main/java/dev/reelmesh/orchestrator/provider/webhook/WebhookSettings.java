package dev.reelmesh.orchestrator.provider.webhook;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the orchestrator takes completion callbacks, and how it checks them. Off unless
 * REELMESH_WEBHOOK_PORT is set; providers are told to call back only when REELMESH_WEBHOOK_URL
 * (the public address that reaches that port, e.g. through a reverse proxy) is set too.
 *
 * @param port where the receiver listens (0 = a free port, for tests)
 * @param publicUrl what providers are given, without the path ("https://hooks.example.com")
 * @param replicateSecret Replicate's signing secret; without it Replicate callbacks are refused
 */
public record WebhookSettings(Optional<Integer> port, String host, Optional<String> publicUrl,
    Optional<String> replicateSecret, URI falJwks) {
  public static final String PORT_VARIABLE = "REELMESH_WEBHOOK_PORT";
  public static final String HOST_VARIABLE = "REELMESH_WEBHOOK_HOST";
  public static final String URL_VARIABLE = "REELMESH_WEBHOOK_URL";
  public static final String REPLICATE_SECRET_VARIABLE = "REPLICATE_WEBHOOK_SECRET";
  public static final String FAL_JWKS_VARIABLE = "FAL_WEBHOOK_JWKS_URL";
  static final String FAL_JWKS = "https://rest.alpha.fal.ai/.well-known/jwks.json";

  public static final WebhookSettings OFF = new WebhookSettings(Optional.empty(), "127.0.0.1",
      Optional.empty(), Optional.empty(), URI.create(FAL_JWKS));

  public static WebhookSettings fromEnv(Map<String, String> env) {
    Optional<Integer> port = value(env, PORT_VARIABLE).map(p -> {
      try {
        int n = Integer.parseInt(p);
        if (n < 0 || n > 65535) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(PORT_VARIABLE + " must be a port 0..65535, got '"
            + p + "'");
      }
    });
    Optional<String> url = value(env, URL_VARIABLE).map(u -> u.replaceAll("/+$", ""));
    if (url.isPresent() && !url.get().matches("https?://[^/\\s]+(/\\S*)?")) {
      throw new IllegalArgumentException(URL_VARIABLE + " must be an http(s) URL, got '"
          + url.get() + "'");
    }
    return new WebhookSettings(port, value(env, HOST_VARIABLE).orElse("127.0.0.1"), url,
        value(env, REPLICATE_SECRET_VARIABLE),
        URI.create(value(env, FAL_JWKS_VARIABLE).orElse(FAL_JWKS)));
  }

  /** The URL a provider calls back, when the receiver runs and is reachable. */
  public Optional<String> callbackUrl(String provider) {
    return port.isPresent() ? publicUrl.map(u -> u + "/webhooks/" + provider) : Optional.empty();
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  @Override
  public String toString() {
    return "WebhookSettings[port=" + port.map(String::valueOf).orElse("off") + ", url="
        + publicUrl.orElse("unset") + ", replicateSecret="
        + (replicateSecret.isPresent() ? "set" : "missing") + "]";
  }
}
