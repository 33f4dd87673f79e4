package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.RenderMotionClipRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobPoolTest {
  @TempDir Path dir;

  @Test
  void aPoolOfOneRunsOneFfmpegAtATimeAndQueuesTheRest() throws Exception {
    Path root = dir.resolve("artifacts");
    TestMedia.still(root.resolve("start.png"), 640, 360, "testsrc2");
    AtomicLong most = new AtomicLong();
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (sampling.get()) {
        most.accumulateAndGet(ProcessHandle.current().descendants().filter(p -> p.info()
            .command().map(c -> c.endsWith("/ffmpeg")).orElse(false)).count(), Math::max);
      }
    });
    try (InProcessService service = InProcessService.start(MediaServices.create(
        new MediaConfig(root, 1, 1024, null)))) {
      sampler.start();
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RenderMotionClipRequest r = RenderMotionClipRequest.newBuilder()
            .setStartFrame(MediaTestBase.ref("start.png")).setDurationSeconds(2).setWidth(640)
            .setHeight(360).setMotion(Motion.MOTION_ZOOM_OUT).setOutputPath("c" + i + ".mp4")
            .build();
        calls.add(CompletableFuture.runAsync(() -> MediaServiceGrpc
            .newBlockingStub(service.channel()).withDeadlineAfter(60, TimeUnit.SECONDS)
            .renderMotionClip(r)));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
    } finally {
      sampling.set(false);
      sampler.join();
    }
    assertThat(most.get()).isEqualTo(1);
  }
}
