package dev.reelmesh.orchestrator.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.media.MediaServices;
import dev.reelmesh.orchestrator.provider.EngineStopping;
import dev.reelmesh.orchestrator.provider.BudgetExceeded;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import dev.reelmesh.orchestrator.provider.registry.ModelUnavailable;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.ProviderJob;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.orchestrator.testing.FakeVideoApi;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.ClipPrompt;
import dev.reelmesh.v1.CostLine;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases every asynchronous paid video provider must pass (grpc-java's AbstractTransportTest
 * style): each subclass points its registry entry at its fake server, and the same money, crash
 * and output rules are checked on the real HTTP client, the real media service's probe and a
 * step memo shared by provider instances (a new instance on the same memo is a restarted engine).
 */
public abstract class VideoProviderContract {
  static final double CLIP_SECONDS = 4.5;
  static final String PROMPT = "a ceramic kettle pours at dawn, slow push-in";
  @TempDir static Path dataDir;
  static Path root;
  static InProcessService media;
  static ArtifactStore artifacts;
  static byte[] fiveSeconds;
  static ArtifactRef start;
  static ArtifactRef end;
  private static final AtomicInteger JOBS = new AtomicInteger();

  protected FakeVideoApi fake;
  protected VideoEntry entry;
  MemorySteps steps;
  RecordingSpend spend;
  ProviderResources resources;
  final List<String> retries = Collections.synchronizedList(new ArrayList<>());
  String outputPath;

  /** Starts the provider's fake server. */
  protected abstract FakeVideoApi startFake() throws Exception;

  /** The provider's entry, pointed at {@code fake} with fast timings. */
  protected abstract VideoEntry entry(FakeVideoApi fake);

  /** Checks one create body speaks the provider's protocol for the standard clip. */
  protected abstract void assertCreateBody(JsonNode body);

  /** The name the provider records its job id under ({@code ProviderJob.of}'s idName). */
  protected String jobIdName() {
    return "job";
  }

  /** The credential a file download must carry ("" = none: outputs live on a public CDN). */
  protected String fileCredential() {
    return "";
  }

  @BeforeAll
  static void startMedia() throws Exception {
    MeshSettings settings = new MeshSettings(dataDir, dataDir.resolve("models"));
    root = settings.artifactRoot();
    Files.createDirectories(root);
    media = InProcessService.start(MediaServices.create(settings));
    artifacts = new ArtifactStore(root);
    fiveSeconds = TestMedia.mp4(media.channel(), root, 5.0);
    start = frame("frames/start.png");
    end = frame("frames/end.png");
  }

  private static ArtifactRef frame(String uri) throws Exception {
    Path file = root.resolve(uri);
    Files.createDirectories(file.getParent());
    Files.write(file, TestMedia.png(320, 180));
    return artifacts.describe(file, "image/png");
  }

  @AfterAll
  static void stopMedia() {
    media.close();
  }

  @BeforeEach
  void startProvider() throws Exception {
    fake = startFake();
    fake.mp4 = fiveSeconds;
    entry = entry(fake);
    int job = JOBS.incrementAndGet();
    steps = new MemorySteps("job" + job);
    spend = new RecordingSpend(steps.memo);
    resources = new ProviderResources(spend, steps.memo, artifacts, media.channel());
    outputPath = "jobs/job" + job + "/clips/clip00-g0.mp4";
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  ClipRequest clip(FrameSize size) {
    return new ClipRequest(0, start, end, CLIP_SECONDS, size, 24,
        ClipPrompt.newBuilder().setPrompt(PROMPT).setNegativePrompt("blurry, text").build(),
        outputPath, "clip-0-g0");
  }

  ClipRequest clip() {
    return clip(new FrameSize(640, 360));
  }

  VideoProvider provider() {
    return entry.create("", resources);
  }

  /** Renders under a Context whose retry listener records each retry's reason. */
  VideoProvider.Rendered render(VideoProvider provider, ClipRequest request) throws Exception {
    return Context.current().withValue(ProviderCalls.RETRIES,
        (step, attempt, reason, delay) -> retries.add(step + " #" + attempt + ": " + reason))
        .call(() -> provider.render(request));
  }

  CostLine expectedLine(ClipRequest request) {
    double seconds = entry.capabilities("").snap(request.durationSeconds());
    return entry.estimate("", seconds, request.size().width(), request.size().height(),
        "clip " + (request.clipIndex() + 1));
  }

  /** Renders the standard clip on another thread under {@code context}; answers its failure. */
  CompletableFuture<Throwable> renderAside(Context.CancellableContext context) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        context.call(() -> provider().render(clip()));
        return null;
      } catch (Exception e) {
        return e;
      }
    });
  }

  /**
   * Renders the standard clip while the provider's job keeps running, cancels the render's
   * Context ({@code cause} null: the user; EngineStopping: an engine stop) once it has polled
   * twice, and answers the status the render ended with.
   */
  StatusRuntimeException cancelWhilePolling(Throwable cause) throws Exception {
    fake.ready = false;
    Context.CancellableContext context = Context.current().withCancellation();
    CompletableFuture<Throwable> failure = renderAside(context);
    await(() -> fake.count(FakeVideoApi.POLL) >= 2);
    context.cancel(cause);
    return status(failure.get(30, TimeUnit.SECONDS));
  }

  static StatusRuntimeException status(Throwable e) {
    assertThat(e).isInstanceOf(StatusRuntimeException.class);
    return (StatusRuntimeException) e;
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
  }

  @Test
  void rendersDownloadsAndProbesTheClipChargingItsEstimateOnce() throws Exception {
    VideoProvider.Rendered rendered = render(provider(), clip());

    assertThat(rendered.clip().getUri()).isEqualTo(outputPath);
    assertThat(Files.readAllBytes(root.resolve(outputPath))).isEqualTo(fiveSeconds);
    assertThat(rendered.durationSeconds()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(rendered.engine().getEngine()).isEqualTo(entry.name());
    assertThat(rendered.engine().getModel()).isEqualTo(entry.defaultModel());
    assertThat(fake.count(FakeVideoApi.CREATE)).isEqualTo(1);
    assertThat(fake.count(FakeVideoApi.FILE)).isEqualTo(1);
    assertThat(fake.fileCredentials).containsExactly(fileCredential());
    assertCreateBody(fake.created.get(0));
    assertThat(spend.settled).singleElement().satisfies(line -> {
      assertThat(line.getActualMicros()).isEqualTo(line.getEstimatedMicros()).isPositive();
      assertThat(line.getProvider()).isEqualTo(entry.name());
    });
    assertThat(retries).isEmpty();
  }

  @Test
  void theHoldIsExactlyTheEntrysEstimate() throws Exception {
    ClipRequest tall = clip(new FrameSize(360, 640));
    render(provider(), tall);
    assertThat(spend.holds).containsExactly(expectedLine(tall));
    assertThat(spend.settled).containsExactly(expectedLine(tall).toBuilder()
        .setActualMicros(expectedLine(tall).getEstimatedMicros()).build());
  }

  @Test
  void aRateLimitWithoutRetryAfterIsRetriedVisiblyAndPaidOnce() throws Exception {
    fake.failNext(FakeVideoApi.CREATE, 429, 1);
    render(provider(), clip());
    assertThat(fake.count(FakeVideoApi.CREATE)).isEqualTo(2);
    assertThat(retries).singleElement().asString().contains("#1").contains("429");
    assertThat(spend.holds).hasSize(1);
    assertThat(spend.settled).hasSize(1);
  }

  @Test
  void aStormOfServerErrorsIsRetriedABoundedNumberOfTimesThenFailsWithTheProvidersWords()
      throws Exception {
    fake.failAlways(FakeVideoApi.POLL, 503);
    StatusRuntimeException e = status(org.assertj.core.api.Assertions.catchThrowable(
        () -> render(provider(), clip())));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(e.getStatus().getDescription()).contains("503")
        .contains("scripted 503 from the fake").contains("after 4 attempts");
    assertThat(fake.count(FakeVideoApi.POLL)).isEqualTo(4);
    assertThat(retries).hasSize(3).allSatisfy(r -> assertThat(r).contains("503"));
    // Billed at creation, and the job id kept: the step's retry re-attaches, it does not rebuy.
    assertThat(spend.settled).hasSize(1);
    assertThat(ProviderJob.of(steps.memo, "clip-0-g0", entry.name(), jobIdName()).recordedId())
        .isPresent();
  }

  @Test
  void aModerationRefusalFailsTheStepWithTheProvidersWords() throws Exception {
    String words = "The prompt was flagged by the content checker (violence)";
    fake.refuseWith = words;
    StatusRuntimeException e = status(org.assertj.core.api.Assertions.catchThrowable(
        () -> render(provider(), clip())));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains(words)
        .contains(entry.name() + " (clip 1)");
    assertThat(ProviderJob.of(steps.memo, "clip-0-g0", entry.name(), jobIdName()).recordedId())
        .as("a refused job is forgotten: a retry submits anew").isEmpty();
    assertThat(fake.count(FakeVideoApi.FILE)).isZero();
  }

  @Test
  void aUserCancelCancelsTheProvidersJob() throws Exception {
    StatusRuntimeException e = cancelWhilePolling(null);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.CANCELLED);
    assertThat(e.getStatus().getDescription()).contains("cancelled")
        .doesNotContain("could not be cancelled");
    assertThat(fake.count(FakeVideoApi.CANCEL)).isEqualTo(1);
  }

  @Test
  void aKilledEngineReattachesToTheSameJobWithoutASecondCreate() throws Exception {
    StatusRuntimeException stopped = cancelWhilePolling(engineStopping());
    assertThat(stopped.getStatus().getDescription()).contains("kept for the next run");
    assertThat(fake.count(FakeVideoApi.CANCEL)).isZero();

    fake.ready = true;
    VideoProvider restarted = entry.create("", resources); // a new instance, the same memo
    VideoProvider.Rendered rendered = render(restarted, clip());
    assertThat(rendered.durationSeconds()).isGreaterThan(CLIP_SECONDS);
    assertThat(fake.count(FakeVideoApi.CREATE)).isEqualTo(1);
    assertThat(spend.holds).hasSize(1);
    assertThat(spend.settled).hasSize(1);
  }

  @Test
  void anEmptyOutputFileIsRefusedAndNotKept() throws Exception {
    fake.mp4 = new byte[0];
    StatusRuntimeException e = status(org.assertj.core.api.Assertions.catchThrowable(
        () -> render(provider(), clip())));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DATA_LOSS);
    assertThat(e.getStatus().getDescription()).contains("empty file");
    assertThat(root.resolve(outputPath)).doesNotExist();
  }

  @Test
  void anUndecodableOutputFileIsRefusedWithTheReason() throws Exception {
    fake.mp4 = "<html>not a video</html>".getBytes(StandardCharsets.UTF_8);
    StatusRuntimeException e = status(org.assertj.core.api.Assertions.catchThrowable(
        () -> render(provider(), clip())));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DATA_LOSS);
    assertThat(e.getStatus().getDescription()).contains("cannot be decoded as video");
    assertThat(root.resolve(outputPath)).doesNotExist();
  }

  @Test
  void anExpiredOutputUrlFailsWithTheReasonWithoutRetrying() throws Exception {
    fake.expired = true;
    StatusRuntimeException e = status(org.assertj.core.api.Assertions.catchThrowable(
        () -> render(provider(), clip())));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(e.getStatus().getDescription()).contains("expired").contains("403");
    assertThat(fake.count(FakeVideoApi.FILE)).isEqualTo(1);
  }

  @Test
  void aCreateWhoseAnswerIsLostIsChargedItsEstimateUnreconciledAndNotSentAgain()
      throws Exception {
    fake.failNext(FakeVideoApi.CREATE, FakeVideoApi.DROP, 1);
    StatusRuntimeException e = status(org.assertj.core.api.Assertions.catchThrowable(
        () -> render(provider(), clip())));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
    assertThat(e.getStatus().getDescription()).contains("may have started");
    assertThat(fake.count(FakeVideoApi.CREATE)).as("never sent twice").isEqualTo(1);
    // The provider may bill a job whose id never reached us: the ledger keeps its estimate.
    assertThat(spend.settled).isEmpty();
    assertThat(spend.released.get()).isZero();
    assertThat(spend.unreconciled).containsExactlyElementsOf(spend.holds);
  }

  @Test
  void aRefusedHoldCreatesNothing() throws Exception {
    spend.refuse = true;
    assertThatThrownBy(() -> render(provider(), clip())).isInstanceOf(BudgetExceeded.class);
    assertThat(fake.count(FakeVideoApi.CREATE)).isZero();
  }

  @Test
  void aModelTheProviderDoesNotKnowIsModelUnavailableAndCostsNothing() throws Exception {
    fake.retired.add(entry.defaultModel());
    assertThatThrownBy(() -> render(provider(), clip())).isInstanceOfSatisfying(
        ModelUnavailable.class, e -> {
          assertThat(e.provider()).isEqualTo(entry.name());
          assertThat(e.model()).isEqualTo(entry.defaultModel());
          assertThat(e.getMessage()).contains("not found");
        });
    assertThat(spend.settled).isEmpty();
    assertThat(spend.released.get()).isEqualTo(1);
  }

  /** The cause an engine shutdown cancels runs with (its constructor is the engine's own). */
  static EngineStopping engineStopping() throws Exception {
    var constructor = EngineStopping.class.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }
}
