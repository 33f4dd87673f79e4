package dev.reelmesh.common.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.stream.Collectors;

/**
 * The one check of who may call, in front of every service: finds the caller (a verified bearer
 * token, or the trusted principal of a host that needs none), refuses a call its roles do not
 * allow ({@link MethodRoles}), and puts the caller into the call's Context ({@link Principal#KEY})
 * for the tenant checks further in.
 *
 * <p>{@code UNAUTHENTICATED}: no token, not a bearer token, or a token that does not verify
 * (forged, expired, another audience). {@code PERMISSION_DENIED}: a valid token without a role
 * the method needs. Both name the {@code authorization} header and the method.
 */
public final class AuthInterceptor implements ServerInterceptor {
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";

  private final TokenVerifier verifier;
  private final Principal trusted;

  private AuthInterceptor(TokenVerifier verifier, Principal trusted) {
    this.verifier = verifier;
    this.trusted = trusted;
  }

  /** Every caller is {@code principal}: in-process hosts, and a loopback mesh without auth. */
  public static AuthInterceptor trusting(Principal principal) {
    return new AuthInterceptor(null, principal);
  }

  /** Every caller shows a token that {@code verifier} accepts. */
  public static AuthInterceptor verifying(TokenVerifier verifier) {
    return new AuthInterceptor(verifier, null);
  }

  /** Verifying when {@code config} has keys, else trusting {@link Principal#LOCAL}. */
  public static AuthInterceptor forConfig(AuthConfig config) {
    return config.enabled() ? verifying(new TokenVerifier(config)) : trusting(Principal.LOCAL);
  }

  public boolean verifiesTokens() {
    return verifier != null;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    MethodRoles.Rule rule = MethodRoles.forMethod(method);
    if (rule instanceof MethodRoles.Open) {
      return next.startCall(call, headers);
    }
    Principal caller;
    try {
      caller = trusted != null ? trusted : verifier.verify(token(headers));
      check(rule, caller, method);
    } catch (StatusRuntimeException e) {
      Status status = e.getStatus();
      call.close(status.withDescription(status.getDescription() + " (" + method + ")"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    Context context = Context.current().withValue(Principal.KEY, caller);
    return Contexts.interceptCall(context, call, headers, next);
  }

  private static String token(Metadata headers) {
    String header = headers.get(AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw Status.UNAUTHENTICATED.withDescription("authorization: no bearer token; send the "
          + "header 'authorization: Bearer <token>' (the CLI sends $" + BearerToken.ENV + ")")
          .asRuntimeException();
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw Status.UNAUTHENTICATED.withDescription("authorization: expected 'Bearer <token>'")
          .asRuntimeException();
    }
    return header.substring(BEARER.length()).strip();
  }

  private static void check(MethodRoles.Rule rule, Principal caller, String method) {
    if (rule instanceof MethodRoles.AnyOf anyOf
        && anyOf.roles().stream().noneMatch(caller::has)) {
      throw Status.PERMISSION_DENIED.withDescription("authorization: the token of '"
          + caller.subject() + "' has roles " + caller.roles().stream().map(Role::claim)
          .sorted().collect(Collectors.toList()) + "; this method needs one of "
          + anyOf.roles().stream().map(Role::claim).sorted().collect(Collectors.toList())
          + (anyOf.roles().contains(Role.ADMIN) ? "" : " (or admin)")).asRuntimeException();
    }
  }
}
