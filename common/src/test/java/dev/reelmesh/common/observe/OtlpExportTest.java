package dev.reelmesh.common.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The OTLP exporter tracing turns on really posts spans, over the JDK's HTTP client. */
class OtlpExportTest {
  record Post(String path, String contentType, String body) {}

  @Test
  void spansArePostedToTheCollectorAsOtlpProtobuf() throws Exception {
    CompletableFuture<Post> received = new CompletableFuture<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    collector.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.complete(new Post(exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Content-Type"),
          new String(body, StandardCharsets.ISO_8859_1)));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    collector.start();
    String base = "http://127.0.0.1:" + collector.getAddress().getPort();
    OpenTelemetrySdk sdk = Tracing.otlp("reelmesh-test",
        Tracing.endpoint(java.util.Map.of("REELMESH_OTLP_ENDPOINT", base)).orElseThrow());
    try {
      sdk.getTracer("t").spanBuilder("stage storyboard").startSpan().end();
      sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
      Post post = received.get(10, TimeUnit.SECONDS);
      assertThat(post.path()).isEqualTo("/v1/traces");
      assertThat(post.contentType()).isEqualTo("application/x-protobuf");
      assertThat(post.body()).contains("stage storyboard").contains("reelmesh-test");
    } finally {
      sdk.close();
      collector.stop(0);
    }
  }
}
