package dev.reelmesh.orchestrator.provider.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * fal's webhook signature: ED25519 over the lines {@code request id}, {@code user id},
 * {@code timestamp} and the hex SHA-256 of the body, joined by newlines; the signature is hex in
 * {@code x-fal-webhook-signature}; the public keys are fal's JWKS ({@link FalKeys}). Header
 * names are looked up lower-case.
 */
public final class FalSignature {
  private final Supplier<List<PublicKey>> keys;
  private final Clock clock;

  public FalSignature(Supplier<List<PublicKey>> keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  public void verify(Map<String, String> headers, byte[] body) throws WebhookRefused {
    String request = ReplayWindow.required(headers, "x-fal-webhook-request-id");
    String user = ReplayWindow.required(headers, "x-fal-webhook-user-id");
    String timestamp = ReplayWindow.required(headers, "x-fal-webhook-timestamp");
    String signatureHex = ReplayWindow.required(headers, "x-fal-webhook-signature");
    ReplayWindow.check("x-fal-webhook-timestamp", timestamp, clock);
    byte[] signature;
    try {
      signature = HexFormat.of().parseHex(signatureHex.strip());
    } catch (IllegalArgumentException e) {
      throw WebhookRefused.malformed("x-fal-webhook-signature is not hex");
    }
    byte[] message = message(request, user, timestamp, body);
    for (PublicKey key : keys.get()) {
      try {
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(key);
        ed.update(message);
        if (ed.verify(signature)) {
          return;
        }
      } catch (GeneralSecurityException e) {
        // A key of another kind or a signature of the wrong length: try the next key.
      }
    }
    throw WebhookRefused.forged("x-fal-webhook-signature verifies with none of fal's keys");
  }

  static byte[] message(String request, String user, String timestamp, byte[] body) {
    try {
      String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(body));
      return String.join("\n", request, user, timestamp, digest)
          .getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
