package dev.reelmesh.common.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A service bound through the production ServiceHost, called over a production channel: the
 * call is counted with its status on a metrics port and carries the caller's trace.
 */
class RpcObservationTest {
  /** The LLM service with nothing implemented: every call answers UNIMPLEMENTED. */
  static final class Empty extends LlmServiceGrpc.LlmServiceImplBase {}

  private static double count(String text, String method, String status) {
    Pattern sample = Pattern.compile("(?m)^grpc_server_processing_duration_seconds_count\\{"
        + "([^}]*)\\} (\\S+)$");
    double total = 0;
    Matcher m = sample.matcher(text);
    while (m.find()) {
      String labels = m.group(1);
      if (labels.contains("method=\"" + method + "\"")
          && labels.contains("service=\"reelmesh.v1.LlmService\"")
          && labels.contains("statusCode=\"" + status + "\"")) {
        total += Double.parseDouble(m.group(2));
      }
    }
    return total;
  }

  private static String scrape(MetricsEndpoint endpoint) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains(Metrics.CONTENT_TYPE);
    return response.body();
  }

  @Test
  void aCallIsCountedByMethodAndStatusOnTheMetricsPort() throws Exception {
    try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, MetricsToken.none());
        InProcessService service = InProcessService.start(new Empty())) {
      double before = count(scrape(endpoint), "PlanScript", "UNIMPLEMENTED");
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> LlmServiceGrpc.newBlockingStub(service.channel())
            .planScript(PlanScriptRequest.getDefaultInstance()))
            .isInstanceOf(StatusRuntimeException.class).hasMessageStartingWith("UNIMPLEMENTED");
      }
      String text = scrape(endpoint);
      assertThat(count(text, "PlanScript", "UNIMPLEMENTED") - before).isEqualTo(3);
      assertThat(text).contains("jvm_threads_live_threads");
    }
  }

  @Test
  void theServersSpanContinuesTheCallersTrace() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider
        .builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
    OpenTelemetry previous = Tracing.install(sdk);
    try (InProcessService service = InProcessService.start(new Empty())) {
      Span caller = Tracing.tracer().spanBuilder("caller").startSpan();
      try (Scope ignored = caller.makeCurrent()) {
        assertThatThrownBy(() -> LlmServiceGrpc.newBlockingStub(service.channel())
            .planScript(PlanScriptRequest.getDefaultInstance()));
      } finally {
        caller.end();
      }
      List<SpanData> all = spans.getFinishedSpanItems();
      SpanData client = all.stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst()
          .orElseThrow();
      SpanData server = all.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst()
          .orElseThrow();
      assertThat(client.getName()).isEqualTo("reelmesh.v1.LlmService/PlanScript");
      assertThat(client.getParentSpanId()).isEqualTo(caller.getSpanContext().getSpanId());
      assertThat(server.getTraceId()).isEqualTo(caller.getSpanContext().getTraceId());
      assertThat(server.getParentSpanId()).isEqualTo(client.getSpanId());
      assertThat(server.getStatus().getDescription()).startsWith("UNIMPLEMENTED");
      assertThat(server.getAttributes().asMap()).containsEntry(
          io.opentelemetry.api.common.AttributeKey.longKey("rpc.grpc.status_code"), 12L);
    } finally {
      Tracing.install(previous);
      sdk.close();
    }
  }

  /** Records the MDC's job id where the work of PlanScript runs (a BlockingCalls worker). */
  static final class Recording extends LlmServiceGrpc.LlmServiceImplBase {
    final dev.reelmesh.common.server.BlockingCalls calls = new dev.reelmesh.common.server
        .BlockingCalls("recording", 1, 4, java.time.Duration.ofSeconds(10));
    final java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void planScript(PlanScriptRequest request,
        io.grpc.stub.StreamObserver<dev.reelmesh.v1.PlanScriptResponse> out) {
      calls.unary(out, () -> {
        seen.add(String.valueOf(org.slf4j.MDC.get(JobIds.MDC_KEY)));
        return dev.reelmesh.v1.PlanScriptResponse.getDefaultInstance();
      });
    }
  }

  @Test
  void theJobACallWorksForReachesTheServersWorkerThreadsMdc() {
    Recording recording = new Recording();
    try (InProcessService service = InProcessService.start(recording)) {
      org.slf4j.MDC.put(JobIds.MDC_KEY, "job-0123abcd");
      try {
        LlmServiceGrpc.newBlockingStub(service.channel())
            .planScript(PlanScriptRequest.getDefaultInstance());
      } finally {
        org.slf4j.MDC.remove(JobIds.MDC_KEY);
      }
      LlmServiceGrpc.newBlockingStub(service.channel())
          .planScript(PlanScriptRequest.getDefaultInstance());
      assertThat(recording.seen).containsExactly("job-0123abcd", "null");
    } finally {
      recording.calls.close();
    }
  }

  @Test
  void theEndpointComesFromTheEnvironmentAndIsOffWithout() {
    assertThat(Tracing.endpoint(Map.of())).isEmpty();
    assertThat(Tracing.endpoint(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")))
        .contains("http://collector:4318/v1/traces");
    assertThat(Tracing.endpoint(Map.of("REELMESH_OTLP_ENDPOINT", "http://c:4318",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://other:4318"))).contains("http://c:4318/v1/traces");
    assertThat(Tracing.endpoint(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c/t")))
        .contains("http://c/t");
    assertThat(Tracing.endpoint(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
        "OTEL_TRACES_EXPORTER", "none"))).isEmpty();
    assertThat(MetricsPort.fromEnv(Map.of())).isNull();
    assertThat(MetricsPort.fromEnv(Map.of("REELMESH_METRICS_PORT", "9464"))).isEqualTo(9464);
    assertThatThrownBy(() -> MetricsPort.fromEnv(Map.of("REELMESH_METRICS_PORT", "70000")))
        .hasMessage("REELMESH_METRICS_PORT must be a port in [0, 65535], got '70000'");
  }
}
