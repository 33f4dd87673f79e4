package dev.reelmesh.common.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a bearer token: a JWS signed with HS256 (the configured secret), RS256 or ES256 (the
 * configured public keys); unexpired (60 s of clock skew), for this mesh's audience (and issuer,
 * when set), naming a subject, a tenant and roles. Anything else is {@code UNAUTHENTICATED} with
 * the reason; unsigned tokens ({@code alg: none}) and other algorithms never verify.
 */
public final class TokenVerifier {
  static final String TENANT_CLAIM = "tenant";
  static final String ROLES_CLAIM = "roles";
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public TokenVerifier(AuthConfig config) {
    if (!config.enabled()) {
      throw new IllegalArgumentException("no keys configured to verify tokens with");
    }
    // The selector only hands an HS256 token a secret key and an RS256/ES256 token a public key
    // of that type, so an attacker cannot sign with a public key used as a MAC secret.
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS,
        new ImmutableJWKSet<>(config.jwkSet())));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    if (!config.issuer().isEmpty()) {
      exact.issuer(config.issuer());
    }
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(config.audience(),
        exact.build(), Set.of("sub", "exp", TENANT_CLAIM, ROLES_CLAIM)));
  }

  /** The caller the token names; {@code UNAUTHENTICATED} naming the problem otherwise. */
  public Principal verify(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw refused("not a JWT (" + e.getMessage() + ")");
    } catch (BadJOSEException e) {
      throw refused(e.getMessage());
    } catch (JOSEException e) {
      throw refused("cannot verify: " + e.getMessage());
    }
    try {
      List<String> roleNames = claims.getStringListClaim(ROLES_CLAIM);
      Set<Role> roles = new HashSet<>();
      for (String name : roleNames) {
        Role.fromClaim(name).ifPresent(roles::add); // roles of other systems are ignored
      }
      return new Principal(claims.getSubject(), claims.getStringClaim(TENANT_CLAIM),
          roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles));
    } catch (ParseException e) {
      throw refused("claims: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw refused(e.getMessage());
    }
  }

  private static StatusRuntimeException refused(String why) {
    return Status.UNAUTHENTICATED.withDescription("authorization: the bearer token is refused: "
        + why).asRuntimeException();
  }
}
