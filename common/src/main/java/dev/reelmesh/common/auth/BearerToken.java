package dev.reelmesh.common.auth;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Map;
import java.util.Optional;

/** Sends a bearer token with every call on a channel (the CLI: {@code $REELMESH_TOKEN}). */
public final class BearerToken implements ClientInterceptor {
  public static final String ENV = "REELMESH_TOKEN";
  private final String header;

  public BearerToken(String token) {
    if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new IllegalArgumentException(ENV + ": a token is one line of printable ASCII");
    }
    this.header = "Bearer " + token.strip();
  }

  /** The token in {@code $REELMESH_TOKEN}, if set. */
  public static Optional<BearerToken> fromEnv(Map<String, String> env) {
    String token = env.getOrDefault(ENV, "").strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(new BearerToken(token));
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        // A token the call already carries (the studio passing on a browser's) is the caller's.
        if (!headers.containsKey(AuthInterceptor.AUTHORIZATION)) {
          headers.put(AuthInterceptor.AUTHORIZATION, header);
        }
        super.start(listener, headers);
      }
    };
  }
}
