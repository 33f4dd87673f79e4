package dev.reelmesh.common.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UrlFetcherTest {
  HttpServer server;
  String base;
  final byte[] image = new byte[10_000];

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/image.png", e -> {
      e.sendResponseHeaders(200, image.length);
      try (OutputStream out = e.getResponseBody()) {
        out.write(image);
      }
    });
    server.createContext("/chunked.png", e -> {
      e.sendResponseHeaders(200, 0); // no length: the limit is enforced while reading
      try (OutputStream out = e.getResponseBody()) {
        out.write(image);
      }
    });
    server.createContext("/moved", e -> {
      e.getResponseHeaders().add("Location", "/image.png");
      e.sendResponseHeaders(302, -1);
      e.close();
    });
    server.createContext("/away", e -> {
      e.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort()
          + "/image.png");
      e.sendResponseHeaders(302, -1);
      e.close();
    });
    server.createContext("/broken", e -> {
      e.sendResponseHeaders(500, -1);
      e.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    for (int i = 0; i < image.length; i++) {
      image[i] = (byte) i;
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  static UrlFetcher fetcher(boolean privateOk) {
    return new UrlFetcher(new FetchPolicy(Set.of("127.0.0.1"), privateOk, Duration.ofSeconds(5)));
  }

  static void assertRefused(Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).startsWith("ref.url: ").contains(message);
    });
  }

  @Test
  void fetchesFromAnAllowedHostAndFollowsRedirectsWithinIt() {
    assertThat(fetcher(true).fetch("ref.url", base + "/image.png", 20_000)).isEqualTo(image);
    assertThat(fetcher(true).fetch("ref.url", base + "/moved", 20_000)).isEqualTo(image);
    assertThat(fetcher(true).fetch("ref.url", base + "/chunked.png", 20_000)).isEqualTo(image);
  }

  @Test
  void refusesWhatThePolicyDoesNotAllow() {
    assertRefused(() -> new UrlFetcher(FetchPolicy.DISABLED).fetch("ref.url", base + "/image.png",
        20_000), Status.Code.FAILED_PRECONDITION, "set REELMESH_FETCH_ALLOW");
    assertRefused(() -> fetcher(true).fetch("ref.url", "ftp://127.0.0.1/x.png", 20_000),
        Status.Code.INVALID_ARGUMENT, "only http(s) URLs");
    assertRefused(() -> fetcher(true).fetch("ref.url", "http://example.com/x.png", 20_000),
        Status.Code.PERMISSION_DENIED, "host 'example.com' is not in REELMESH_FETCH_ALLOW");
    // Loopback is private: allowed only when the policy says so.
    assertRefused(() -> fetcher(false).fetch("ref.url", base + "/image.png", 20_000),
        Status.Code.PERMISSION_DENIED, "private address 127.0.0.1");
    // A redirect to a host outside the list is refused like a direct request to it.
    assertRefused(() -> fetcher(true).fetch("ref.url", base + "/away", 20_000),
        Status.Code.PERMISSION_DENIED, "host 'localhost'");
  }

  @Test
  void failuresAndOversizedBodiesHavePreciseStatuses() {
    assertRefused(() -> fetcher(true).fetch("ref.url", base + "/missing.png", 20_000),
        Status.Code.NOT_FOUND, "answered HTTP 404");
    assertRefused(() -> fetcher(true).fetch("ref.url", base + "/broken", 20_000),
        Status.Code.UNAVAILABLE, "answered HTTP 500");
    assertRefused(() -> fetcher(true).fetch("ref.url", base + "/image.png", 5_000),
        Status.Code.INVALID_ARGUMENT, "larger than 5000 bytes");
    assertRefused(() -> fetcher(true).fetch("ref.url", base + "/chunked.png", 5_000),
        Status.Code.INVALID_ARGUMENT, "larger than 5000 bytes");
  }

  @Test
  void thePolicyComesFromTheEnvironmentAndRefusesNonsense() {
    FetchPolicy policy = FetchPolicy.fromEnv(Map.of("REELMESH_FETCH_ALLOW",
        "cdn.example.com, *.Images.example.org"));
    assertThat(policy.enabled()).isTrue();
    assertThat(policy.allows("cdn.example.com")).isTrue();
    assertThat(policy.allows("a.images.example.org")).isTrue();
    assertThat(policy.allows("images.example.org.evil.com")).isFalse();
    assertThat(policy.allows("example.com")).isFalse();
    assertThat(policy.allowPrivateAddresses()).isFalse();
    assertThat(FetchPolicy.fromEnv(Map.of()).enabled()).isFalse();
    assertThatThrownBy(() -> FetchPolicy.fromEnv(Map.of("REELMESH_FETCH_ALLOW", "http://x/y")))
        .hasMessageContaining("is not a host name");
    assertThatThrownBy(() -> FetchPolicy.fromEnv(Map.of("REELMESH_FETCH_ALLOW_PRIVATE", "yes")))
        .hasMessageContaining("must be true or false");
  }
}
