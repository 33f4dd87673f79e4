package dev.reelmesh.orchestrator.provider.webhook;

import com.sun.net.httpserver.HttpServer;
import dev.reelmesh.common.observe.Metrics;
import io.micrometer.core.instrument.Counter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook receiver on loopback that verifies fal callbacks against a key pair of the test's
 * own, served as fal's JWKS; {@link #hooks} names the receiver's real address as the public URL,
 * so a provider built with it points fal's callbacks here. The test plays fal's sender.
 */
public final class FalHooks implements AutoCloseable {
  public final KeyPair key;
  /** The settings and wake-ups providers are built with (public URL = this receiver). */
  public final Webhooks hooks;
  final WebhookReceiver receiver;
  private final HttpServer jwks;
  private final HttpClient http = HttpClient.newHttpClient();

  private FalHooks(KeyPair key, HttpServer jwks, WebhookReceiver receiver, Webhooks hooks) {
    this.key = key;
    this.jwks = jwks;
    this.receiver = receiver;
    this.hooks = hooks;
  }

  /** @param replicateSecret Replicate's signing secret, or null */
  public static FalHooks start(String replicateSecret) throws Exception {
    KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] der = key.getPublic().getEncoded();
    String x = Base64.getUrlEncoder().withoutPadding().encodeToString(
        Arrays.copyOfRange(der, der.length - 32, der.length));
    // An RSA key first: keys of other kinds are skipped, not fatal.
    byte[] body = ("{\"keys\": [{\"kty\": \"RSA\", \"n\": \"x\"}, {\"kty\": \"OKP\", "
        + "\"crv\": \"Ed25519\", \"x\": \"" + x + "\"}]}").getBytes(StandardCharsets.UTF_8);
    HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext("/.well-known/jwks.json", exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    jwks.start();
    URI keys = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort()
        + "/.well-known/jwks.json");
    Wakeups wakeups = new Wakeups();
    WebhookReceiver receiver = WebhookReceiver.start(new Webhooks(new WebhookSettings(
        Optional.of(0), "127.0.0.1", Optional.empty(), Optional.ofNullable(replicateSecret),
        keys), wakeups), Clock.systemUTC());
    Webhooks hooks = new Webhooks(new WebhookSettings(Optional.of(receiver.port()), "127.0.0.1",
        Optional.of("http://127.0.0.1:" + receiver.port()), Optional.ofNullable(replicateSecret),
        keys), wakeups);
    return new FalHooks(key, jwks, receiver, hooks);
  }

  /** fal's signature headers for {@code body}, signed by {@code signer}. */
  public static Map<String, String> signed(String requestId, long timestamp, String body,
      KeyPair signer) throws Exception {
    Signature ed = Signature.getInstance("Ed25519");
    ed.initSign(signer.getPrivate());
    ed.update(FalSignature.message(requestId, "user-1", String.valueOf(timestamp),
        body.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Fal-Webhook-Request-Id", requestId);
    headers.put("X-Fal-Webhook-User-Id", "user-1");
    headers.put("X-Fal-Webhook-Timestamp", String.valueOf(timestamp));
    headers.put("X-Fal-Webhook-Signature", HexFormat.of().formatHex(ed.sign()));
    return headers;
  }

  /** fal's completion body for a request. */
  public static String completed(String requestId) {
    return "{\"request_id\": \"" + requestId + "\", \"gateway_request_id\": \"" + requestId
        + "\", \"status\": \"OK\", \"payload\": {}}";
  }

  /** POSTs {@code body} with {@code headers} to {@code url}; answers the status code. */
  public HttpResponse<String> post(String url, Map<String, String> headers, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The receiver's URL for {@code provider}'s callbacks. */
  public String url(String provider) {
    return hooks.settings().callbackUrl(provider).orElseThrow();
  }

  /** reelmesh_webhook_callbacks_total for provider and outcome so far (one JVM-wide registry). */
  public static double counted(String provider, String outcome) {
    Counter counter = Metrics.registry().find(WebhookReceiver.CALLBACKS)
        .tags("provider", provider, "outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  public static long now() {
    return System.currentTimeMillis() / 1000;
  }

  @Override
  public void close() {
    receiver.close();
    jwks.stop(0);
  }
}
