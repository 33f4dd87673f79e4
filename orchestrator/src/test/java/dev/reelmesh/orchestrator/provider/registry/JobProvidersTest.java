package dev.reelmesh.orchestrator.provider.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EngineInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A chain moves on once per element, however many clips meet the same gone model at once. */
class JobProvidersTest {
  /** A video entry whose model is gone (every render: ModelUnavailable) or that renders. */
  static final class FakeVideo implements VideoEntry {
    final String name;
    final boolean gone;
    final String missing;
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger renders = new AtomicInteger();
    volatile CountDownLatch together = new CountDownLatch(0);

    FakeVideo(String name, boolean gone, String missing) {
      this.name = name;
      this.gone = gone;
      this.missing = missing;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean paid() {
      return true;
    }

    @Override
    public String description() {
      return "fake";
    }

    @Override
    public List<Setting> settings() {
      return List.of();
    }

    @Override
    public Optional<String> missing(String model) {
      return Optional.ofNullable(missing);
    }

    @Override
    public String defaultModel() {
      return "";
    }

    @Override
    public Capabilities capabilities(String model) {
      return Capabilities.any();
    }

    @Override
    public CostLine estimate(String model, double seconds, int width, int height,
        String label) {
      return CostLine.getDefaultInstance();
    }

    @Override
    public VideoProvider create(String model, ProviderResources resources) {
      created.incrementAndGet();
      return new VideoProvider() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public Rendered render(ClipRequest request) throws Exception {
          renders.incrementAndGet();
          if (gone) {
            together.countDown();
            together.await();
            throw new ModelUnavailable(name, model, "404 model retired");
          }
          return new Rendered(ArtifactRef.getDefaultInstance(), request.durationSeconds(),
              EngineInfo.newBuilder().setEngine(name).build());
        }
      };
    }
  }

  static ClipRequest clip(int index) {
    return new ClipRequest(index, ArtifactRef.getDefaultInstance(), null, 4,
        new FrameSize(1280, 720), 24, null, "c" + index + ".mp4", "clip-" + index);
  }

  @Test
  void parallelClipsMeetingAGoneModelMoveTheChainOnce() throws Exception {
    FakeVideo gone = new FakeVideo("gone", true, null);
    FakeVideo keyless = new FakeVideo("keyless", false, "provider 'keyless' needs KEYLESS_KEY");
    FakeVideo good = new FakeVideo("good", false, null);
    gone.together = new CountDownLatch(4);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    VideoProvider video = JobProviders.video(new ProviderRegistry(List.of(gone, keyless, good)),
        "gone:v1,keyless,good", new ProviderResources(null, null, null, null),
        (role, wanted, used, reason, clip) -> events.add(role.field() + " " + wanted + " -> "
            + used + " (" + reason + ", clip " + clip + ")"));
    assertThat(video.name()).isEqualTo("gone");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<VideoProvider.Rendered>> clips = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int index = i;
      clips.add(pool.submit(() -> video.render(clip(index))));
    }
    for (Future<VideoProvider.Rendered> f : clips) {
      assertThat(f.get().engine().getEngine()).isEqualTo("good");
    }
    pool.shutdown();
    assertThat(gone.renders).hasValue(4);
    assertThat(keyless.created).as("an unconfigured provider is never built").hasValue(0);
    assertThat(good.renders).hasValue(4);
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).startsWith("video gone:v1 -> keyless (gone:v1 is unavailable: "
        + "404 model retired, clip ");
    assertThat(events.get(1)).isEqualTo("video keyless -> good (provider 'keyless' needs "
        + "KEYLESS_KEY, clip -1)");
    assertThat(video.name()).isEqualTo("good");
  }

  @Test
  void aChainWithNothingLeftFailsWithEveryReason() {
    FakeVideo gone = new FakeVideo("gone", true, null);
    FakeVideo keyless = new FakeVideo("keyless", false, "provider 'keyless' needs KEYLESS_KEY");
    List<String> events = new ArrayList<>();
    VideoProvider video = JobProviders.video(new ProviderRegistry(List.of(gone, keyless)),
        "keyless,gone", new ProviderResources(null, null, null, null),
        (role, wanted, used, reason, clip) -> events.add(wanted + " -> " + used));
    assertThatThrownBy(() -> video.render(clip(0)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).startsWith("spec.providers.video")
              .contains("KEYLESS_KEY").contains("404 model retired");
        });
    assertThat(events).containsExactly("keyless -> gone");
  }
}
