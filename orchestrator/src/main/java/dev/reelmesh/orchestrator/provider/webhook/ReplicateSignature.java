package dev.reelmesh.orchestrator.provider.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replicate's webhook signature (Standard Webhooks): HMAC-SHA256, keyed with the account's
 * signing secret ({@code whsec_} + base64), over {@code <webhook-id>.<webhook-timestamp>.<body>};
 * {@code webhook-signature} lists space-separated {@code v1,<base64>} signatures, one of which
 * must match. Header names are looked up lower-case.
 */
public final class ReplicateSignature {
  private final byte[] key;
  private final Clock clock;

  /** @param secret the signing secret, "whsec_..." (GET /v1/webhooks/default/secret) */
  public ReplicateSignature(String secret, Clock clock) {
    String encoded = secret.strip().startsWith("whsec_") ? secret.strip().substring(6)
        : secret.strip();
    try {
      this.key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(WebhookSettings.REPLICATE_SECRET_VARIABLE
          + " must be the signing secret 'whsec_<base64>' Replicate gives");
    }
    this.clock = clock;
  }

  public void verify(Map<String, String> headers, byte[] body) throws WebhookRefused {
    String id = ReplayWindow.required(headers, "webhook-id");
    String timestamp = ReplayWindow.required(headers, "webhook-timestamp");
    String signatures = ReplayWindow.required(headers, "webhook-signature");
    ReplayWindow.check("webhook-timestamp", timestamp, clock);
    byte[] expected = sign(id + "." + timestamp + ".", body);
    for (String entry : signatures.strip().split(" +")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(entry.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return;
      }
    }
    throw WebhookRefused.forged("no webhook-signature matches the body");
  }

  byte[] sign(String prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix.getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
