package dev.reelmesh.common.server;

import dev.reelmesh.common.auth.AuthConfig;
import dev.reelmesh.common.auth.AuthInterceptor;
import dev.reelmesh.common.auth.BearerToken;
import dev.reelmesh.common.tls.TlsConfig;
import io.grpc.ManagedChannel;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

/**
 * Who may reach a network port and how: tokens ({@link AuthConfig}) and TLS ({@link TlsConfig}),
 * read once from the environment. Secure by default without configuration: a loopback address
 * serves its one user with no token; any other address is refused until authentication is
 * configured or the operator says {@code --insecure}.
 */
public record NetworkSecurity(AuthConfig auth, TlsConfig tls, Optional<BearerToken> token) {
  public static final NetworkSecurity NONE =
      new NetworkSecurity(AuthConfig.NONE, TlsConfig.NONE, Optional.empty());

  public static NetworkSecurity fromEnv(Map<String, String> env) {
    return new NetworkSecurity(AuthConfig.fromEnv(env), TlsConfig.fromEnv(env),
        BearerToken.fromEnv(env));
  }

  /** The check in front of every service on a network port. */
  public AuthInterceptor interceptor() {
    return AuthInterceptor.forConfig(auth);
  }

  /**
   * Refuses to listen on {@code host} when it is not a loopback address and nothing checks who
   * calls, unless {@code insecure}. Answers a warning to print, or empty.
   */
  public Optional<String> checkListen(String host, boolean insecure) {
    boolean loopback = isLoopback(host);
    if (!loopback && !auth.enabled() && !insecure) {
      throw new IllegalArgumentException("--host " + host + " is reachable from other machines "
          + "and no authentication is configured: set " + AuthConfig.SECRET + " (or "
          + AuthConfig.PUBLIC_KEYS + " / " + AuthConfig.JWKS + ") so callers need a token, or "
          + "pass --insecure to serve anyone who can reach it");
    }
    if (!loopback && !auth.enabled()) {
      return Optional.of("warning: serving " + host + " with --insecure: anyone who can reach "
          + "it may call every method");
    }
    if (!loopback && !tls.serverTls()) {
      return Optional.of("warning: tokens travel in plain text on " + host + "; set "
          + TlsConfig.CERT + " and " + TlsConfig.KEY + " unless TLS ends in front of it");
    }
    return Optional.empty();
  }

  /** A channel to {@code target} with this configuration's TLS and bearer token. */
  public ManagedChannel channel(String target) {
    return Transports.nettyChannel(target, tls.channelCredentials(), token);
  }

  static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--host " + host + " is not a known address", e);
    }
  }
}
