package dev.reelmesh.common.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.reelmesh.common.auth.AuthConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keys and tokens for tests of who may call: the mesh's HS256 secret, an outside issuer's RSA
 * and EC keys (public halves as PEM files), and tokens signed by any of them, good or bad.
 */
public final class TestTokens {
  public static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
  public final KeyPair rsa;
  public final KeyPair ec;
  public final Path rsaPem;
  public final Path ecPem;

  public TestTokens(Path dir) {
    try {
      KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
      r.initialize(2048);
      rsa = r.generateKeyPair();
      KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
      e.initialize(new ECGenParameterSpec("secp256r1"));
      ec = e.generateKeyPair();
      rsaPem = pem(dir.resolve("issuer-rsa.pem"), rsa);
      ecPem = pem(dir.resolve("issuer-ec.pem"), ec);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The environment of a mesh that verifies all three kinds of token. */
  public Map<String, String> env() {
    return Map.of(AuthConfig.SECRET, SECRET,
        AuthConfig.PUBLIC_KEYS, rsaPem + "," + ecPem);
  }

  public AuthConfig config() {
    return AuthConfig.fromEnv(env());
  }

  /** Valid claims: subject, tenant, roles, this mesh's audience, an hour to live. */
  public static JWTClaimsSet.Builder claims(String subject, String tenant, String... roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().subject(subject).audience(AuthConfig.DEFAULT_AUDIENCE)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .claim("tenant", tenant).claim("roles", List.of(roles));
  }

  public static String hs256(String secret, JWTClaimsSet claims) {
    try {
      return sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          JWSAlgorithm.HS256, claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public String hs256(JWTClaimsSet claims) {
    return hs256(SECRET, claims);
  }

  public static String rs256(KeyPair keys, JWTClaimsSet claims) {
    return sign(new RSASSASigner(keys.getPrivate()), JWSAlgorithm.RS256, claims);
  }

  public static String es256(KeyPair keys, JWTClaimsSet claims) {
    try {
      return sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()), JWSAlgorithm.ES256, claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token of the mesh's secret for {@code tenant} with {@code roles}. */
  public String token(String tenant, String... roles) {
    return hs256(claims(tenant + "-user", tenant, roles).build());
  }

  /** An unsigned token ({@code alg: none}), which no verifier may accept. */
  public static String unsigned(JWTClaimsSet claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
        + b64.encodeToString(claims.toString().getBytes()) + ".";
  }

  /** Claims changed by {@code change}, e.g. expired an hour ago. */
  public static JWTClaimsSet with(JWTClaimsSet.Builder claims,
      Consumer<JWTClaimsSet.Builder> change) {
    change.accept(claims);
    return claims.build();
  }

  private static String sign(JWSSigner signer, JWSAlgorithm alg, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static Path pem(Path file, KeyPair keys) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes())
        .encodeToString(keys.getPublic().getEncoded());
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body
          + "\n-----END PUBLIC KEY-----\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
