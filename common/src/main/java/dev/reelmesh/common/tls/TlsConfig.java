package dev.reelmesh.common.tls;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * TLS for the Netty ports, from the environment (PEM files; private keys in PKCS#8, "BEGIN
 * PRIVATE KEY", e.g. from {@code openssl pkcs8 -topk8 -nocrypt}):
 * <ul>
 *   <li>{@code REELMESH_TLS_CERT} and {@code REELMESH_TLS_KEY}: the certificate chain and key
 *       every server port presents; with them, servers speak TLS only;
 *   <li>{@code REELMESH_TLS_CLIENT_CA}: servers require a client certificate signed by this CA
 *       (mutual TLS between the services);
 *   <li>{@code REELMESH_TLS_CA}: the CA clients trust for servers (default: the system's);
 *       setting it (or a client certificate) makes clients speak TLS;
 *   <li>{@code REELMESH_TLS_CLIENT_CERT} and {@code REELMESH_TLS_CLIENT_KEY}: the certificate a
 *       client presents where servers require one.
 * </ul>
 */
public record TlsConfig(Path cert, Path key, Path clientCa, Path trustCa, Path clientCert,
    Path clientKey) {
  public static final String CERT = "REELMESH_TLS_CERT";
  public static final String KEY = "REELMESH_TLS_KEY";
  public static final String CLIENT_CA = "REELMESH_TLS_CLIENT_CA";
  public static final String CA = "REELMESH_TLS_CA";
  public static final String CLIENT_CERT = "REELMESH_TLS_CLIENT_CERT";
  public static final String CLIENT_KEY = "REELMESH_TLS_CLIENT_KEY";

  public static final TlsConfig NONE = new TlsConfig(null, null, null, null, null, null);

  public TlsConfig {
    pair(CERT, cert, KEY, key);
    pair(CLIENT_CERT, clientCert, CLIENT_KEY, clientKey);
    if (clientCa != null && cert == null) {
      throw new IllegalArgumentException(CLIENT_CA + " asks for client certificates, which "
          + "only a TLS server can check: set " + CERT + " and " + KEY + " too");
    }
    for (Path p : new Path[] {cert, key, clientCa, trustCa, clientCert, clientKey}) {
      if (p != null && !Files.isReadable(p)) {
        throw new IllegalArgumentException("TLS file " + p + " cannot be read");
      }
    }
  }

  public static TlsConfig fromEnv(Map<String, String> env) {
    return new TlsConfig(path(env, CERT), path(env, KEY), path(env, CLIENT_CA), path(env, CA),
        path(env, CLIENT_CERT), path(env, CLIENT_KEY));
  }

  /** Whether server ports speak TLS. */
  public boolean serverTls() {
    return cert != null;
  }

  /** Whether servers require client certificates. */
  public boolean mutual() {
    return clientCa != null;
  }

  /** Whether clients speak TLS. */
  public boolean clientTls() {
    return trustCa != null || clientCert != null;
  }

  public ServerCredentials serverCredentials() {
    if (!serverTls()) {
      return InsecureServerCredentials.create();
    }
    try {
      TlsServerCredentials.Builder tls = TlsServerCredentials.newBuilder()
          .keyManager(cert.toFile(), key.toFile());
      if (clientCa != null) {
        tls.trustManager(clientCa.toFile()).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
      }
      return tls.build();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the TLS key or certificates (" + CERT
          + ", " + KEY + ", " + CLIENT_CA + "): " + e.getMessage(), e);
    }
  }

  public ChannelCredentials channelCredentials() {
    if (!clientTls()) {
      return InsecureChannelCredentials.create();
    }
    try {
      TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
      if (trustCa != null) {
        tls.trustManager(trustCa.toFile());
      }
      if (clientCert != null) {
        tls.keyManager(clientCert.toFile(), clientKey.toFile());
      }
      return tls.build();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the TLS client files (" + CA + ", "
          + CLIENT_CERT + ", " + CLIENT_KEY + "): " + e.getMessage(), e);
    }
  }

  private static void pair(String aName, Path a, String bName, Path b) {
    if ((a == null) != (b == null)) {
      throw new IllegalArgumentException(aName + " and " + bName + " go together: set both "
          + "or neither");
    }
  }

  private static Path path(Map<String, String> env, String name) {
    String value = env.getOrDefault(name, "").strip();
    return value.isEmpty() ? null : Path.of(value);
  }
}
