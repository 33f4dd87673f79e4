package dev.reelmesh.orchestrator.provider.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver lets in only callbacks whose signatures verify as Replicate and fal document
 * them, within the replay window, and only those wake a poller; each outcome is counted. fal's
 * keys come from a JWKS served on loopback, signed here with a key pair of the test's own.
 */
class WebhookReceiverTest {
  static final byte[] SECRET_KEY = "reelmesh-test-signing-key-32byte".getBytes(
      StandardCharsets.UTF_8);
  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(SECRET_KEY);
  FalHooks receiver;
  Wakeups wakeups;

  @BeforeEach
  void start() throws Exception {
    receiver = FalHooks.start(SECRET);
    wakeups = receiver.hooks.wakeups();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private HttpResponse<String> post(String provider, Map<String, String> headers, String body)
      throws Exception {
    return receiver.post(receiver.url(provider), headers, body);
  }

  static long now() {
    return FalHooks.now();
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
    assertThat(wakeups.take("replicate", "pred7")).isTrue();
    assertThat(wakeups.take("replicate", "pred7")).as("taken once").isFalse();

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
    assertThat(wakeups.take("replicate", "pred7")).isFalse();
    assertThat(wakeups.take("replicate", "pred8")).isFalse();
  }

  @Test
  void aFalCallbackIsLetInOnlyWithASignatureFromItsKeysAndEachOutcomeIsCounted()
      throws Exception {
    double accepted = FalHooks.counted("fal", "accepted");
    double forgedBefore = FalHooks.counted("fal", "forged");
    double malformedBefore = FalHooks.counted("fal", "malformed");
    String body = FalHooks.completed("req-1");
    HttpResponse<String> ok = post("fal", FalHooks.signed("req-1", now(), body, receiver.key),
        body);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    assertThat(wakeups.take("fal", "req-1")).isTrue();

    KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String other = FalHooks.completed("req-2");
    HttpResponse<String> forged = post("fal", FalHooks.signed("req-2", now(), other, stranger),
        other);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("verifies with none of fal's keys");
    HttpResponse<String> stale = post("fal", FalHooks.signed("req-3", now() - 3600, body,
        receiver.key), body);
    assertThat(stale.statusCode()).isEqualTo(400);
    Map<String, String> notHex = FalHooks.signed("req-4", now(), body, receiver.key);
    notHex.put("X-Fal-Webhook-Signature", "zz");
    assertThat(post("fal", notHex, body).statusCode()).isEqualTo(400);
    HttpResponse<String> unsigned = post("fal", Map.of(), other);
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).contains("x-fal-webhook-request-id");
    assertThat(wakeups.take("fal", "req-2")).isFalse();
    assertThat(wakeups.take("fal", "req-3")).isFalse();
    assertThat(FalHooks.counted("fal", "accepted") - accepted).isEqualTo(1);
    assertThat(FalHooks.counted("fal", "forged") - forgedBefore).isEqualTo(1);
    assertThat(FalHooks.counted("fal", "malformed") - malformedBefore).isEqualTo(3);
  }
}
