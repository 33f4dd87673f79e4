package dev.reelmesh.orchestrator.provider.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * fal's webhook public keys: its JWKS (OKP / Ed25519 keys, {@code x} the raw 32-byte key in
 * base64url), fetched on first use and again after a day, as fal's own examples cache them.
 * Blocking: called from the receiver's worker threads, never an event loop.
 */
public final class FalKeys implements Supplier<List<PublicKey>> {
  static final Duration CACHE = Duration.ofHours(24);
  /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410). */
  private static final byte[] ED25519_PREFIX = java.util.HexFormat.of()
      .parseHex("302a300506032b6570032100");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI jwks;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .build();
  private List<PublicKey> keys = List.of();
  private Instant fetched = Instant.MIN;

  public FalKeys(URI jwks, Clock clock) {
    this.jwks = jwks;
    this.clock = clock;
  }

  @Override
  public synchronized List<PublicKey> get() {
    if (keys.isEmpty() || fetched.plus(CACHE).isBefore(clock.instant())) {
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(jwks)
            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 == 2) {
          keys = parse(JSON.readTree(answer.body()));
          fetched = clock.instant();
        }
      } catch (java.io.IOException e) {
        // Keep the keys we had (possibly none: every callback is then refused, polling goes on).
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return keys;
  }

  static List<PublicKey> parse(JsonNode jwks) {
    List<PublicKey> out = new ArrayList<>();
    for (JsonNode key : jwks.path("keys")) {
      if (!"OKP".equals(key.path("kty").asText()) || !"Ed25519".equals(key.path("crv").asText())) {
        continue;
      }
      try {
        out.add(ed25519(Base64.getUrlDecoder().decode(key.path("x").asText())));
      } catch (IllegalArgumentException | GeneralSecurityException e) {
        // A malformed key is skipped; the others still verify.
      }
    }
    return List.copyOf(out);
  }

  /** The public key of a raw 32-byte Ed25519 key. */
  public static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
    if (raw.length != 32) {
      throw new GeneralSecurityException("an Ed25519 key is 32 bytes, got " + raw.length);
    }
    byte[] der = new byte[ED25519_PREFIX.length + 32];
    System.arraycopy(ED25519_PREFIX, 0, der, 0, ED25519_PREFIX.length);
    System.arraycopy(raw, 0, der, ED25519_PREFIX.length, 32);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
  }
}
