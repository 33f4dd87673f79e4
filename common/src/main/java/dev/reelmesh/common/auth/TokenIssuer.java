package dev.reelmesh.common.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

/** Issues HS256 tokens with the configured secret ({@code reelmesh token}, tests). */
public final class TokenIssuer {
  private final byte[] secret;
  private final String audience;
  private final String issuer;

  public TokenIssuer(AuthConfig config) {
    this.secret = config.secret();
    if (secret == null) {
      throw new IllegalArgumentException("tokens are issued with " + AuthConfig.SECRET
          + " (or " + AuthConfig.SECRET_FILE + "); neither is set");
    }
    this.audience = config.audience();
    this.issuer = config.issuer();
  }

  /** A token for {@code principal}, valid from now for {@code lifetime}. */
  public String issue(Principal principal, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("--ttl must be positive, got " + lifetime);
    }
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject(principal.subject())
        .audience(audience)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString())
        .claim(TokenVerifier.TENANT_CLAIM, principal.tenant())
        .claim(TokenVerifier.ROLES_CLAIM, principal.roles().stream().map(Role::claim).sorted()
            .toList());
    if (!issuer.isEmpty()) {
      claims.issuer(issuer);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  /** Roles by their claim names ("submit,admin"), for the command line. */
  public static Set<Role> roles(String commaSeparated) {
    java.util.EnumSet<Role> roles = java.util.EnumSet.noneOf(Role.class);
    for (String name : commaSeparated.split(",")) {
      String n = name.strip();
      if (!n.isEmpty()) {
        roles.add(Role.fromClaim(n).orElseThrow(() -> new IllegalArgumentException(
            "--roles: unknown role '" + n + "'; use submit, admin, service")));
      }
    }
    return roles;
  }
}
