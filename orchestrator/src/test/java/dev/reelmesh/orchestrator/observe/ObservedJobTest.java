package dev.reelmesh.orchestrator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import dev.reelmesh.common.observe.Tracing;
import dev.reelmesh.orchestrator.cli.TestCli;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What an operator sees of one real offline job run through {@code reelmesh up}: the studio's
 * {@code /metrics} page scraped over HTTP before and after it, the job's trace as an in-memory
 * exporter recorded it, and the log lines written while it ran.
 */
class ObservedJobTest {
  static final List<String> STAGES = List.of("plan", "references", "storyboard", "clip_prompts",
      "clips", "audio", "assemble", "deliver");

  @TempDir static Path dir;
  static TestCli.Up up;
  static InMemorySpanExporter spans = InMemorySpanExporter.create();
  static OpenTelemetrySdk sdk;
  static OpenTelemetry previous;
  static ListAppender<ILoggingEvent> logs = new ListAppender<>();
  static Level observeLevel;
  static PrometheusText before;
  static PrometheusText after;
  static String contentType;
  static String jobId;

  @BeforeAll
  static void runOneJob() throws Exception {
    sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
    previous = Tracing.install(sdk);
    Logger observe = (Logger) LoggerFactory.getLogger("dev.reelmesh.orchestrator.observe");
    observeLevel = observe.getLevel();
    observe.setLevel(Level.DEBUG);
    logs.start();
    root().addAppender(logs);

    up = TestCli.up(dir);
    before = scrape();
    TestCli.Run run = TestCli.run("generate", "a 6-second loop of steam over a cup",
        "--duration", "6", "--variations", "1", "--tier", "draft", "--no-narration", "--plain",
        "--server", up.server(), "--out", dir.resolve("out").toString());
    assertThat(run.code()).as(run.err()).isZero();
    jobId = run.err().lines().filter(l -> l.startsWith("job ")).findFirst().orElseThrow()
        .split(" ")[1];
    after = scrape();
    // The run's span ends once the run returns, just after the job's last event.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (run(jobId) == null && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (up != null) {
      up.close();
    }
    root().detachAppender(logs);
    ((Logger) LoggerFactory.getLogger("dev.reelmesh.orchestrator.observe")).setLevel(observeLevel);
    Tracing.install(previous);
    sdk.close();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static PrometheusText scrape() throws Exception {
    // HTTP/1.1, as Prometheus scrapes (the JDK client's default h2c upgrade once left a scrape
    // unanswered), and a timeout, so a hung scrape fails the test instead of the build.
    HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(java.time.Duration.ofSeconds(10)).build().send(HttpRequest.newBuilder(
            URI.create(up.studio() + "metrics")).timeout(java.time.Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    contentType = response.headers().firstValue("content-type").orElse("");
    return PrometheusText.parse(response.body());
  }

  private static double delta(String name, Map<String, String> labels) {
    return after.sum(name, labels) - before.sum(name, labels);
  }

  @Test
  void theStudioServesTheMeshsMetricsAsPrometheusText() {
    assertThat(contentType).startsWith("text/plain").contains("version=0.0.4");
    // The CLI's calls to the pipeline, over Netty, counted by method and status.
    assertThat(delta("grpc_server_processing_duration_seconds_count", Map.of(
        "service", "reelmesh.v1.PipelineService", "method", "SubmitJob", "statusCode", "OK")))
        .isEqualTo(1);
    assertThat(delta("grpc_server_processing_duration_seconds_count", Map.of(
        "service", "reelmesh.v1.PipelineService", "method", "WatchJob"))).isGreaterThanOrEqualTo(1);
    // The orchestrator's calls into the leaf services, from both ends.
    for (String leaf : List.of("LlmService", "MediaService")) {
      assertThat(delta("grpc_server_processing_duration_seconds_count", Map.of(
          "service", "reelmesh.v1." + leaf, "statusCode", "OK"))).as(leaf).isGreaterThan(0);
      assertThat(delta("grpc_client_processing_duration_seconds_count", Map.of(
          "service", "reelmesh.v1." + leaf))).as(leaf).isGreaterThan(0);
    }
    // The media service's FFmpeg runs (probe, stitch, thumbnail) for the job.
    assertThat(delta("reelmesh_ffmpeg_runs_seconds_count", Map.of("tool", "ffmpeg",
        "outcome", "ok"))).isPositive();
    assertThat(after.sum("jvm_memory_used_bytes", Map.of())).isPositive();
  }

  @Test
  void theJobsStagesStateAndProviderCallsAreMeasured() {
    for (String stage : STAGES) {
      assertThat(delta("reelmesh_stage_duration_seconds_count", Map.of("stage", stage)))
          .as(stage).isEqualTo(1);
    }
    assertThat(delta("reelmesh_stage_duration_seconds_sum", Map.of("stage", "storyboard")))
        .isPositive();
    assertThat(delta("reelmesh_stage_duration_seconds_sum", Map.of("stage", "assemble")))
        .isPositive();
    assertThat(delta("reelmesh_job_duration_seconds_sum", Map.of())).isPositive();
    assertThat(delta("reelmesh_job_transitions_total", Map.of("state", "succeeded")))
        .isEqualTo(1);
    assertThat(after.sum("reelmesh_jobs", Map.of("state", "succeeded"))).isGreaterThanOrEqualTo(1);
    assertThat(delta("reelmesh_job_cost_usd_count", Map.of("state", "succeeded"))).isEqualTo(1);
    assertThat(delta("reelmesh_provider_calls_seconds_count", Map.of("role", "image",
        "provider", "animatic", "outcome", "ok"))).as("one per storyboard frame").isPositive();
  }

  @Test
  void theJobIsOneTraceWithASpanPerStageAndTheServicesSpansUnderThem() {
    SpanData run = run(jobId);
    assertThat(run).as("the job's span").isNotNull();
    List<SpanData> trace = spans.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(run.getTraceId())).toList();
    Map<String, SpanData> byId = trace.stream()
        .collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
    List<String> stages = trace.stream()
        .filter(s -> s.getParentSpanId().equals(run.getSpanId()))
        .map(SpanData::getName).toList();
    assertThat(stages).containsExactlyInAnyOrderElementsOf(
        STAGES.stream().map(s -> "stage " + s).toList());

    // A leaf service's own span: continued from the metadata of the orchestrator's call, which
    // was made inside a stage.
    SpanData leaf = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER
        && s.getName().startsWith("reelmesh.v1.MediaService/")).findFirst().orElseThrow();
    SpanData call = byId.get(leaf.getParentSpanId());
    assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(call.getName()).isEqualTo(leaf.getName());
    assertThat(stageOf(call, byId)).isNotNull();
    // A provider call under the storyboard stage.
    SpanData image = trace.stream().filter(s -> s.getName().equals("image animatic"))
        .findFirst().orElseThrow();
    assertThat(byId.get(image.getParentSpanId()).getName()).isEqualTo("stage storyboard");
  }

  @Test
  void logLinesAboutTheJobNameIt() {
    Encoder<ILoggingEvent> production =
        ((ConsoleAppender<ILoggingEvent>) root().getAppender("STDERR")).getEncoder();
    List<String> lines = logs.list.stream()
        .filter(e -> jobId.equals(e.getMDCPropertyMap().get("job")))
        .map(e -> new String(production.encode(e), StandardCharsets.UTF_8)).toList();
    assertThat(lines).isNotEmpty();
    assertThat(lines).allSatisfy(line -> assertThat(line).contains(" job=" + jobId + " - "));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("is succeeded"));
    assertThat(lines).as("also lines written outside the run (the submit)")
        .anySatisfy(line -> assertThat(line).contains("is queued"));
  }

  private static SpanData run(String id) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("job")
        && id.equals(s.getAttributes().get(
            io.opentelemetry.api.common.AttributeKey.stringKey("reelmesh.job_id"))))
        .findFirst().orElse(null);
  }

  private static SpanData stageOf(SpanData span, Map<String, SpanData> byId) {
    for (SpanData s = span; s != null; s = byId.get(s.getParentSpanId())) {
      if (s.getName().startsWith("stage ")) {
        return s;
      }
    }
    return null;
  }
}
