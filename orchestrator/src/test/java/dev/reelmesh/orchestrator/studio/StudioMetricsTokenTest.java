package dev.reelmesh.orchestrator.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.observe.MetricsToken;
import dev.reelmesh.common.server.Transports;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The studio's /metrics asks for REELMESH_METRICS_TOKEN when the operator set one. */
class StudioMetricsTokenTest {
  private static final String SECRET = "studio-scrape-0123456789";

  @Test
  void theStudiosMetricsPageWantsTheBearerToken() throws Exception {
    // /metrics reads the process's meters, never the channels: nothing needs to answer on them.
    ManagedChannel nowhere = Transports.inProcessChannel("no-mesh-" + System.nanoTime());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try (Studio studio = Studio.start(nowhere, nowhere, "127.0.0.1", 0,
        MetricsToken.fromEnv(Map.of(MetricsToken.VARIABLE, SECRET)))) {
      URI page = URI.create("http://127.0.0.1:" + studio.port() + "/metrics");
      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(page).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(refused.body()).doesNotContain("jvm_");
      HttpResponse<String> served = http.send(HttpRequest.newBuilder(page)
          .header("Authorization", "Bearer " + SECRET).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body()).contains("jvm_threads_live_threads");
    } finally {
      nowhere.shutdownNow();
    }
  }
}
