package dev.reelmesh.common.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How tokens are checked, from the environment. Authentication is on when any key is configured:
 * <ul>
 *   <li>{@code REELMESH_AUTH_SECRET} (or {@code REELMESH_AUTH_SECRET_FILE}): an HS256 secret of
 *       at least 32 bytes; {@code reelmesh token} issues tokens signed with it;
 *   <li>{@code REELMESH_AUTH_PUBLIC_KEYS}: comma-separated PEM files of RSA (RS256) or EC P-256
 *       (ES256) public keys of an outside issuer;
 *   <li>{@code REELMESH_AUTH_JWKS}: a JWKS file of such keys.
 * </ul>
 * {@code REELMESH_AUTH_AUDIENCE} (default "reelmesh") must be in every token's {@code aud};
 * {@code REELMESH_AUTH_ISSUER}, when set, must be its {@code iss}.
 */
public record AuthConfig(List<JWK> keys, String audience, String issuer) {
  public static final String SECRET = "REELMESH_AUTH_SECRET";
  public static final String SECRET_FILE = "REELMESH_AUTH_SECRET_FILE";
  public static final String PUBLIC_KEYS = "REELMESH_AUTH_PUBLIC_KEYS";
  public static final String JWKS = "REELMESH_AUTH_JWKS";
  public static final String AUDIENCE = "REELMESH_AUTH_AUDIENCE";
  public static final String ISSUER = "REELMESH_AUTH_ISSUER";
  public static final String DEFAULT_AUDIENCE = "reelmesh";
  /** HS256 needs a key as long as its hash (RFC 7518 §3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  public static final AuthConfig NONE = new AuthConfig(List.of(), DEFAULT_AUDIENCE, "");

  public AuthConfig {
    keys = List.copyOf(keys);
    audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience.strip();
    issuer = issuer == null ? "" : issuer.strip();
  }

  public boolean enabled() {
    return !keys.isEmpty();
  }

  /** The HS256 secret, if one is configured (to issue tokens with). */
  public byte[] secret() {
    return keys.stream().filter(k -> k instanceof OctetSequenceKey)
        .map(k -> ((OctetSequenceKey) k).toByteArray()).findFirst().orElse(null);
  }

  public static AuthConfig fromEnv(Map<String, String> env) {
    List<JWK> keys = new ArrayList<>();
    byte[] secret = secret(env);
    if (secret != null) {
      keys.add(new OctetSequenceKey.Builder(secret).keyID("reelmesh-hs256").build());
    }
    String pems = env.getOrDefault(PUBLIC_KEYS, "").strip();
    if (!pems.isEmpty()) {
      for (String file : pems.split(",")) {
        keys.add(PublicKeys.fromPem(PUBLIC_KEYS, Path.of(file.strip())));
      }
    }
    String jwks = env.getOrDefault(JWKS, "").strip();
    if (!jwks.isEmpty()) {
      keys.addAll(PublicKeys.fromJwks(JWKS, Path.of(jwks)));
    }
    return new AuthConfig(keys, env.get(AUDIENCE), env.get(ISSUER));
  }

  private static byte[] secret(Map<String, String> env) {
    String value = env.getOrDefault(SECRET, "");
    String file = env.getOrDefault(SECRET_FILE, "").strip();
    String name = SECRET;
    if (value.isEmpty() && !file.isEmpty()) {
      try {
        value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        name = SECRET_FILE + " (" + file + ")";
      } catch (IOException e) {
        throw new IllegalArgumentException(SECRET_FILE + ": cannot read " + file + ": " + e, e);
      }
    }
    if (value.isEmpty()) {
      return null;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(name + " must be at least " + MIN_SECRET_BYTES
          + " bytes (e.g. `openssl rand -hex 32`), got " + bytes.length);
    }
    return bytes;
  }

  /** Keys as a JWK set, for the verifier. */
  JWKSet jwkSet() {
    return new JWKSet(keys);
  }
}
