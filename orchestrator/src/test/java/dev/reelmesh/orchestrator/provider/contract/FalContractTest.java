package dev.reelmesh.orchestrator.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.orchestrator.provider.QueueListener;
import dev.reelmesh.orchestrator.provider.fal.FalConfig;
import dev.reelmesh.orchestrator.provider.fal.FalEntry;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.remote.CallTimings;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.provider.webhook.FalHooks;
import dev.reelmesh.orchestrator.testing.FakeFal;
import dev.reelmesh.orchestrator.testing.FakeVideoApi;
import io.grpc.Context;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** fal's queue passes the video provider contract, on its default model (Kling 2.1). */
class FalContractTest extends VideoProviderContract {
  @Override
  protected FakeVideoApi startFake() throws Exception {
    return FakeFal.start();
  }

  @Override
  protected VideoEntry entry(FakeVideoApi fake) {
    return new FalEntry(FalConfig.fromEnv(Map.of(FalConfig.KEY_VARIABLE, FakeFal.KEY,
        FalConfig.QUEUE_URL_VARIABLE, fake.baseUrl())).withFastTimings());
  }

  @Override
  protected void assertCreateBody(JsonNode body) {
    assertThat(body.path("prompt").asText()).isEqualTo(PROMPT);
    assertThat(body.path("duration").isTextual()).isTrue();
    assertThat(body.path("duration").asText()).isEqualTo("5");
    assertThat(body.path("image_url").asText()).startsWith("data:image/png;base64,iVBOR");
    assertThat(body.path("negative_prompt").asText()).isEqualTo("blurry, text");
    assertThat(body.has("aspect_ratio")).as("Kling follows the frame's shape").isFalse();
    assertThat(fake.requests).contains("POST /fal-ai/kling-video/v2.1/standard/image-to-video",
        "GET /fal-ai/kling-video/requests/req-1/status", "GET /fal-ai/kling-video/requests/req-1");
    assertThat(((FakeFal) fake).webhooks).as("no fal_webhook without the receiver")
        .containsExactly("");
  }

  @Test
  void eachNewQueuePositionIsAnEventAndAKnownAliasPicksItsFieldNames() throws Exception {
    VideoEntry veo = new FalEntry(FalConfig.fromEnv(Map.of(FalConfig.KEY_VARIABLE, FakeFal.KEY,
        FalConfig.QUEUE_URL_VARIABLE, fake.baseUrl(), FalConfig.MODEL_VARIABLE,
        "veo3.1-fast-frames")).withFastTimings());
    fake.ready = false;
    ((FakeFal) fake).queuePositions = List.of(3, 3, 1);
    Thread release = new Thread(() -> {
      try {
        await(() -> fake.count(FakeVideoApi.POLL) >= 4);
        fake.ready = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    release.start();
    List<String> queued = Collections.synchronizedList(new ArrayList<>());
    Context.current().withValue(QueueListener.KEY, (step, id, position) -> queued.add(step
        + " " + id + " " + position)).call(() -> render(veo.create("", resources), clip()));
    release.join();
    assertThat(queued).as("one event per new position, none for a repeated one")
        .containsExactly("fal (clip 1) req-1 3", "fal (clip 1) req-1 1");
    JsonNode body = fake.created.get(0);
    assertThat(body.path("duration").asText()).isEqualTo("6s");
    assertThat(body.path("first_frame_url").asText()).startsWith("data:image/png;base64,");
    assertThat(body.path("last_frame_url").asText()).startsWith("data:image/png;base64,");
    assertThat(body.path("aspect_ratio").asText()).isEqualTo("16:9");
    assertThat(body.path("generate_audio").asBoolean(true)).isFalse();
    assertThat(spend.settled).singleElement().satisfies(l -> {
      assertThat(l.getItem()).startsWith("fal-ai/veo3.1/fast/first-last-frame-to-video");
      assertThat(l.getEstimatedMicros()).isEqualTo(6 * 100_000L);
    });
    assertThat(fake.requests).contains("GET /fal-ai/veo3.1/requests/req-1/status");
  }

  /**
   * Polls 10 minutes apart: only a callback can finish the clip within the test. The fake's
   * status-call count says whether the poller polled early, and how often.
   */
  @Test
  void aSignedCallbackEndsThePollersWaitAndAForgedOrUnsignedOneChangesNothing()
      throws Exception {
    FakeFal fal = (FakeFal) fake;
    try (FalHooks hooks = FalHooks.start(null)) {
      FalConfig fast = FalConfig.fromEnv(Map.of(FalConfig.KEY_VARIABLE, FakeFal.KEY,
          FalConfig.QUEUE_URL_VARIABLE, fake.baseUrl())).withFastTimings();
      CallTimings slow = new CallTimings(Duration.ofSeconds(20), 4, Duration.ofMillis(10),
          Duration.ofMillis(50), Duration.ofMinutes(10), Duration.ofMinutes(10),
          Duration.ofMinutes(30));
      VideoEntry hooked = new FalEntry(new FalConfig(fast.key(), fast.queueUrl(),
          fast.defaultModel(), fast.prices(), slow), hooks.hooks);
      fake.ready = false;
      fal.queuePositions = List.of(1);
      Context.CancellableContext context = Context.current().withCancellation();
      CompletableFuture<VideoProvider.Rendered> rendered = CompletableFuture.supplyAsync(() -> {
        try {
          return context.call(() -> hooked.create("", resources).render(clip()));
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      try {
        await(() -> fake.count(FakeVideoApi.POLL) == 1);
        assertThat(fal.webhooks).containsExactly(hooks.url("fal"));
        String body = FalHooks.completed("req-1");
        double forged = FalHooks.counted("fal", "forged");
        double malformed = FalHooks.counted("fal", "malformed");
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(hooks.post(fal.webhooks.get(0), FalHooks.signed("req-1", FalHooks.now(),
            body, stranger), body).statusCode()).isEqualTo(401);
        assertThat(hooks.post(fal.webhooks.get(0), Map.of(), body).statusCode()).isEqualTo(400);
        assertThat(FalHooks.counted("fal", "forged") - forged).isEqualTo(1);
        assertThat(FalHooks.counted("fal", "malformed") - malformed).isEqualTo(1);
        Thread.sleep(500); // several of the pause's 100 ms slices: a wake would have polled
        assertThat(fake.count(FakeVideoApi.POLL)).as("refused callbacks wake nothing")
            .isEqualTo(1);

        fake.ready = true;
        assertThat(hooks.post(fal.webhooks.get(0), FalHooks.signed("req-1", FalHooks.now(),
            body, hooks.key), body).statusCode()).isEqualTo(204);
        assertThat(rendered).as("finished by the callback's wake-up, not a 10-minute poll")
            .succeedsWithin(Duration.ofSeconds(30))
            .satisfies(r -> assertThat(r.clip().getUri()).isEqualTo(outputPath));
        assertThat(fake.count(FakeVideoApi.POLL)).as("one poll at the wake-up, then done")
            .isEqualTo(2);
        assertThat(fake.count(FakeVideoApi.CREATE)).isEqualTo(1);
      } finally {
        context.cancel(null);
      }
    }
  }
}
