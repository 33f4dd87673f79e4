package dev.reelmesh.common.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.common.testing.Health;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TLS and mutual TLS on a real Netty port, with the test certificates in resources/tls. */
class TlsConfigTest {
  static Path file(String name) throws Exception {
    return Path.of(TlsConfigTest.class.getResource("/tls/" + name).toURI());
  }

  static Map<String, String> server(boolean mutual) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of(TlsConfig.CERT, file("server.crt").toString(),
        TlsConfig.KEY, file("server.key").toString()));
    if (mutual) {
      env.put(TlsConfig.CLIENT_CA, file("ca.crt").toString());
    }
    return env;
  }

  static Map<String, String> client(String cert) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of(TlsConfig.CA, file("ca.crt").toString()));
    if (cert != null) {
      env.put(TlsConfig.CLIENT_CERT, file(cert + ".crt").toString());
      env.put(TlsConfig.CLIENT_KEY, file(cert + ".key").toString());
    }
    return env;
  }

  /** Health as a client configured by {@code env} sees it: SERVING, or the failure's code. */
  static Object health(int port, Map<String, String> env) {
    ManagedChannel channel = Transports.nettyChannel("localhost:" + port,
        TlsConfig.fromEnv(env).channelCredentials(), Optional.empty());
    try {
      return Health.check(channel, "");
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    } finally {
      channel.shutdownNow();
    }
  }

  static ServiceHost serve(Map<String, String> env) throws Exception {
    BindableService any = new dev.reelmesh.v1.LlmServiceGrpc.LlmServiceImplBase() {};
    return ServiceHost.start(Transports.netty("127.0.0.1", 0,
        TlsConfig.fromEnv(env).serverCredentials()), List.of(any));
  }

  @Test
  void aTlsPortServesTlsClientsThatTrustItsCaAndRefusesPlaintext() throws Exception {
    try (ServiceHost host = serve(server(false))) {
      assertThat(health(host.port(), client(null))).isEqualTo(ServingStatus.SERVING);
      assertThat(health(host.port(), Map.of())).isEqualTo(Status.Code.UNAVAILABLE);
      // A client that trusts another CA does not accept the server's certificate.
      assertThat(health(host.port(), Map.of(TlsConfig.CA, file("rogue-ca.crt").toString())))
          .isEqualTo(Status.Code.UNAVAILABLE);
    }
  }

  @Test
  void mutualTlsServesOnlyClientsWithACertificateOfItsCa() throws Exception {
    try (ServiceHost host = serve(server(true))) {
      assertThat(health(host.port(), client("client"))).isEqualTo(ServingStatus.SERVING);
      assertThat(health(host.port(), client(null))).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(health(host.port(), client("rogue-client"))).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(health(host.port(), client("client"))).as("still serving")
          .isEqualTo(ServingStatus.SERVING);
    }
  }

  @Test
  void halfConfiguredTlsIsRefusedNamingTheMissingVariable() throws Exception {
    assertThatThrownBy(() -> TlsConfig.fromEnv(Map.of(TlsConfig.CERT,
        file("server.crt").toString()))).hasMessageContaining(TlsConfig.KEY);
    assertThatThrownBy(() -> TlsConfig.fromEnv(Map.of(TlsConfig.CLIENT_CA,
        file("ca.crt").toString()))).hasMessageContaining(TlsConfig.CERT);
    assertThatThrownBy(() -> TlsConfig.fromEnv(Map.of(TlsConfig.CA, "/nope/ca.crt")))
        .hasMessageContaining("/nope/ca.crt");
  }
}
