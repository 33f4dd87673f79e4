package dev.reelmesh.orchestrator.provider.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver lets in only callbacks whose signatures verify as Replicate and fal document
 * them, within the replay window, and only those wake a poller. fal's keys come from a JWKS
 * served on loopback, signed here with a key pair of the test's own.
 */
class WebhookReceiverTest {
  static final byte[] SECRET_KEY = "reelmesh-test-signing-key-32byte".getBytes(
      StandardCharsets.UTF_8);
  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(SECRET_KEY);
  final HttpClient http = HttpClient.newHttpClient();
  HttpServer jwks;
  KeyPair fal;
  Webhooks hooks;
  WebhookReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    fal = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] der = fal.getPublic().getEncoded();
    String x = Base64.getUrlEncoder().withoutPadding().encodeToString(
        Arrays.copyOfRange(der, der.length - 32, der.length));
    byte[] body = ("{\"keys\": [{\"kty\": \"RSA\", \"n\": \"x\"}, {\"kty\": \"OKP\", "
        + "\"crv\": \"Ed25519\", \"x\": \"" + x + "\"}]}").getBytes(StandardCharsets.UTF_8);
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext("/.well-known/jwks.json", exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    jwks.start();
    hooks = new Webhooks(new WebhookSettings(Optional.of(0), "127.0.0.1",
        Optional.of("https://hooks.example"), Optional.of(SECRET), URI.create("http://127.0.0.1:"
            + jwks.getAddress().getPort() + "/.well-known/jwks.json")), new Wakeups());
    receiver = WebhookReceiver.start(hooks, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    receiver.close();
    jwks.stop(0);
  }

  private HttpResponse<String> post(String provider, Map<String, String> headers, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + receiver.port() + "/webhooks/" + provider))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  static Map<String, String> replicateHeaders(String id, long timestamp, String body,
      byte[] key) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
    String signature = Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp
        + "." + body).getBytes(StandardCharsets.UTF_8)));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", String.valueOf(timestamp));
    // A rotated secret's signature first: any one matching is enough.
    headers.put("webhook-signature", "v1,AAAA v1," + signature);
    return headers;
  }

  @Test
  void aReplicateCallbackIsLetInOnlyWithItsSignatureAndInTime() throws Exception {
    String body = "{\"id\": \"pred7\", \"status\": \"succeeded\"}";
    HttpResponse<String> ok = post("replicate", replicateHeaders("msg_1", now(), body,
        SECRET_KEY), body);
    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(hooks.wakeups().take("replicate", "pred7")).isTrue();
    assertThat(hooks.wakeups().take("replicate", "pred7")).as("taken once").isFalse();

    HttpResponse<String> forged = post("replicate", replicateHeaders("msg_2", now(), body,
        "another-key-another-key-another!".getBytes(StandardCharsets.UTF_8)), body);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("no webhook-signature matches");
    Map<String, String> signed = replicateHeaders("msg_3", now(), body, SECRET_KEY);
    HttpResponse<String> tampered = post("replicate", signed, body.replace("pred7", "pred8"));
    assertThat(tampered.statusCode()).isEqualTo(401);
    HttpResponse<String> stale = post("replicate", replicateHeaders("msg_4", now() - 600, body,
        SECRET_KEY), body);
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.body()).contains("replay");
    HttpResponse<String> bare = post("replicate", Map.of(), body);
    assertThat(bare.statusCode()).isEqualTo(400);
    assertThat(bare.body()).contains("webhook-id");
    assertThat(hooks.wakeups().take("replicate", "pred7")).isFalse();
    assertThat(hooks.wakeups().take("replicate", "pred8")).isFalse();
  }

  private Map<String, String> falHeaders(String request, long timestamp, String body,
      KeyPair signer) throws Exception {
    Signature ed = Signature.getInstance("Ed25519");
    ed.initSign(signer.getPrivate());
    ed.update(FalSignature.message(request, "user-1", String.valueOf(timestamp),
        body.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Fal-Webhook-Request-Id", request);
    headers.put("X-Fal-Webhook-User-Id", "user-1");
    headers.put("X-Fal-Webhook-Timestamp", String.valueOf(timestamp));
    headers.put("X-Fal-Webhook-Signature", HexFormat.of().formatHex(ed.sign()));
    return headers;
  }

  @Test
  void aFalCallbackIsLetInOnlyWithASignatureFromItsKeys() throws Exception {
    String body = "{\"request_id\": \"req-1\", \"status\": \"OK\", \"payload\": {}}";
    HttpResponse<String> ok = post("fal", falHeaders("req-1", now(), body, fal), body);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    assertThat(hooks.wakeups().take("fal", "req-1")).isTrue();

    KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    HttpResponse<String> forged = post("fal", falHeaders("req-2", now(), body, stranger), body);
    assertThat(forged.statusCode()).isEqualTo(401);
    HttpResponse<String> stale = post("fal", falHeaders("req-3", now() - 3600, body, fal), body);
    assertThat(stale.statusCode()).isEqualTo(400);
    Map<String, String> notHex = falHeaders("req-4", now(), body, fal);
    notHex.put("X-Fal-Webhook-Signature", "zz");
    assertThat(post("fal", notHex, body).statusCode()).isEqualTo(400);
    assertThat(hooks.wakeups().take("fal", "req-2")).isFalse();
    assertThat(hooks.wakeups().take("fal", "req-3")).isFalse();
  }
}
