package dev.reelmesh.orchestrator.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.server.Transports;
import io.grpc.ManagedChannel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A page that re-points its DNS name at 127.0.0.1 (DNS rebinding) reaches a loopback studio as
 * its own origin; its requests still carry its own name in Host, and are refused before any
 * route. Sent over a raw socket: the JDK's HTTP client will not set Host.
 */
class StudioRebindingTest {
  private static String statusAndBody(int port, String method, String path, String host)
      throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close"
          + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aLoopbackStudioAnswersLoopbackNamesOnly() throws Exception {
    // The check comes before every route: the channels are never reached for a refusal, and
    // the static page (index.html) needs none.
    ManagedChannel nowhere = Transports.inProcessChannel("no-mesh-" + System.nanoTime());
    try (Studio studio = Studio.start(nowhere, nowhere, "127.0.0.1", 0)) {
      int port = studio.port();
      for (String[] request : new String[][] {{"GET", "/api/jobs"}, {"POST", "/api/jobs"},
          {"GET", "/files?uri=x.mp4&sha=00"}, {"GET", "/"}}) {
        String answer = statusAndBody(port, request[0], request[1], "rebound.example:" + port);
        assertThat(answer).as(request[0] + " " + request[1]).startsWith("HTTP/1.1 403")
            .contains("PERMISSION_DENIED").contains("host: 'rebound.example' is not a loopback "
                + "name");
      }
      for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port,
          "studio.localhost:" + port, "[::1]:" + port}) {
        assertThat(statusAndBody(port, "GET", "/", host)).as(host).startsWith("HTTP/1.1 200");
      }
    } finally {
      nowhere.shutdownNow();
    }
  }

  @Test
  void loopbackNamesAreReadAsTextNeverResolved() {
    assertThat(LoopbackHost.isLoopback("127.0.0.1")).isTrue();
    assertThat(LoopbackHost.isLoopback("127.8.9.10")).isTrue();
    assertThat(LoopbackHost.isLoopback("[::1]")).isTrue();
    assertThat(LoopbackHost.isLoopback("LOCALHOST")).isTrue();
    assertThat(LoopbackHost.isLoopback("127.0.0.1.nip.io")).isFalse();
    assertThat(LoopbackHost.isLoopback("localhost.example")).isFalse();
    assertThat(LoopbackHost.isLoopback("10.0.0.1")).isFalse();
    assertThat(LoopbackHost.guards("0.0.0.0")).isFalse();
  }
}
