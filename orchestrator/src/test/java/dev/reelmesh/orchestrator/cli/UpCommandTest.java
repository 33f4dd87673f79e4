package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.server.Transports;
import dev.reelmesh.common.testing.Health;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reelmesh up} as an outside client sees it: four services on loopback ports. */
class UpCommandTest {
  @TempDir Path dir;

  @Test
  void servesAllFourServicesOnLoopbackAndStopsCleanly() throws Exception {
    int base = freePortBase();
    CommandLine cli = ReelmeshMain.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    UpCommand up = cli.getSubcommands().get("up").getCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("up",
        "--port-base", String.valueOf(base), "--data", dir.resolve("data").toString(),
        "--models", dir.resolve("models").toString()));
    assertThat(up.serving.await(60, TimeUnit.SECONDS)).as("mesh started: %s", out).isTrue();

    Map<String, String> expected = Map.of(
        "reelmesh.v1.PipelineService", "127.0.0.1:" + base,
        "reelmesh.v1.LlmService", "127.0.0.1:" + (base + 1),
        "reelmesh.v1.ScoringService", "127.0.0.1:" + (base + 2),
        "reelmesh.v1.MediaService", "127.0.0.1:" + (base + 3));
    List<String> listed = new ArrayList<>();
    for (Map.Entry<String, String> service : expected.entrySet()) {
      assertThat(out.toString()).contains(service.getValue());
      ManagedChannel channel = Transports.nettyChannel(service.getValue());
      try {
        assertThat(Health.check(channel, service.getKey())).isEqualTo(ServingStatus.SERVING);
        assertThat(Health.check(channel, "")).isEqualTo(ServingStatus.SERVING);
        Health.listServices(channel).stream().filter(s -> s.startsWith("reelmesh.v1."))
            .forEach(listed::add);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected.keySet());
    String studio = "http://127.0.0.1:" + (base + 5) + "/";
    assertThat(out.toString()).contains("studio    " + studio);
    java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(studio + "api/budget")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("\"monthlyLimitMicros\":\"50000000\"");

    up.stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).contains("reelmesh stopped.");
    try (ServerSocket again = new ServerSocket(base)) {
      assertThat(again.getLocalPort()).as("pipeline port released").isEqualTo(base);
    }
  }

  @Test
  void aBusyPortIsReportedWithTheFix() throws Exception {
    int base = freePortBase();
    try (ServerSocket busy = new ServerSocket(base + 2, 50,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      CommandLine cli = ReelmeshMain.commandLine();
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute("up", "--port-base", String.valueOf(base),
          "--data", dir.resolve("data").toString());
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("scoring service").contains("--port-base");
    }
  }

  /** Four consecutive free loopback ports, and the studio's (base + 5). */
  static int freePortBase() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (ServerSocket probe = new ServerSocket(0)) {
        base = probe.getLocalPort();
      }
      if (base > 65000) {
        continue;
      }
      if (free(base) && free(base + 1) && free(base + 2) && free(base + 3) && free(base + 5)) {
        return base;
      }
    }
    throw new IOException("no four consecutive free ports");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
