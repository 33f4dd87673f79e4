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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    server.createContext("/to-loopback", e -> {
      e.getResponseHeaders().add("Location", "http://127.0.0.2:" + server.getAddress().getPort()
          + "/image.png");
      e.sendResponseHeaders(302, -1);
      e.close();
    });
    server.createContext("/host", e -> {
      byte[] host = e.getRequestHeaders().getFirst("Host").getBytes();
      e.sendResponseHeaders(200, host.length);
      try (OutputStream out = e.getResponseBody()) {
        out.write(host);
      }
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

  /** 127.0.0.1 (the test server) stands for a public address; everything else is judged. */
  static boolean privateButTheServer(InetAddress a) {
    return !a.getHostAddress().equals("127.0.0.1") && PrivateAddresses.isPrivate(a);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "127.8.8.8", "10.1.2.3", "172.16.0.1", "172.31.255.255",
      "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::",
      "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:8.8.8.8", "::ffff:127.0.0.1", "::127.0.0.1",
      "64:ff9b::a00:1", "2002:c0a8:101::1", "ff02::1", "fec0::1"})
  void privateRangesAreRefusedByTheResolverBeforeAnyConnection(String address) {
    FetchPolicy policy = new FetchPolicy(Set.of("images.test"), false, Duration.ofSeconds(5));
    UrlFetcher fetcher = new UrlFetcher(policy,
        host -> new InetAddress[] {answer(address)}, PrivateAddresses::isPrivate);
    assertRefused(() -> fetcher.fetch("ref.url", "http://images.test/x.png", 20_000),
        Status.Code.PERMISSION_DENIED, "images.test resolves to the private address");
  }

  /**
   * An address as a resolver may answer it. Java turns a mapped literal into IPv4 when parsing;
   * a resolver's AAAA answer can still carry the mapped form, so build it byte by byte.
   */
  static InetAddress answer(String address) throws java.net.UnknownHostException {
    InetAddress parsed = InetAddress.getByName(address);
    if (address.startsWith("::ffff:") && parsed instanceof java.net.Inet4Address) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
      return java.net.Inet6Address.getByAddress(null, mapped, null);
    }
    return parsed;
  }

  @Test
  void publicAddressesAreNotPrivate() throws Exception {
    for (String a : new String[] {"8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700::1111",
        "64:ff9b::808:808", "2002:808:808::1"}) {
      assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(a))).as(a).isFalse();
    }
  }

  @Test
  void literalAndNamedLoopbackAndTheMetadataServiceAreRefused() {
    UrlFetcher fetcher = new UrlFetcher(new FetchPolicy(Set.of("localhost", "[::1]",
        "169.254.169.254"), false, Duration.ofSeconds(5)));
    assertRefused(() -> fetcher.fetch("ref.url", "http://localhost:" + server.getAddress()
        .getPort() + "/image.png", 20_000), Status.Code.PERMISSION_DENIED, "localhost resolves");
    assertRefused(() -> fetcher.fetch("ref.url", "http://[::1]:1/image.png", 20_000),
        Status.Code.PERMISSION_DENIED, "private address");
    assertRefused(() -> fetcher.fetch("ref.url", "http://169.254.169.254/latest/meta-data/",
        20_000), Status.Code.PERMISSION_DENIED, "169.254.169.254");
  }

  @Test
  void aRedirectToLoopbackIsRefusedAfterAnAllowedFirstHop() {
    UrlFetcher fetcher = new UrlFetcher(new FetchPolicy(Set.of("127.0.0.1", "127.0.0.2"), false,
        Duration.ofSeconds(5)), InetAddress::getAllByName, UrlFetcherTest::privateButTheServer);
    assertThat(fetcher.fetch("ref.url", base + "/image.png", 20_000)).isEqualTo(image);
    assertRefused(() -> fetcher.fetch("ref.url", base + "/to-loopback", 20_000),
        Status.Code.PERMISSION_DENIED, "127.0.0.2 resolves to the private address 127.0.0.2");
  }

  @Test
  void theAddressCheckedIsTheAddressConnectedToWithTheNameAsHost() {
    // A rebinding name: the first answer passes the check, every later one is private.
    java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
    UrlFetcher fetcher = new UrlFetcher(new FetchPolicy(Set.of("rebind.test"), false,
        Duration.ofSeconds(5)), host -> new InetAddress[] {InetAddress.getByName(
            lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.1")},
        UrlFetcherTest::privateButTheServer);
    int port = server.getAddress().getPort();
    byte[] host = fetcher.fetch("ref.url", "http://rebind.test:" + port + "/host", 1000);
    assertThat(new String(host)).isEqualTo("rebind.test:" + port);
    assertThat(lookups).as("one look-up, the one checked, is the one connected to").hasValue(1);
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
