package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.StitchEvent;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.Transition;
import dev.reelmesh.v1.TransitionKind;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CancellationTest extends MediaTestBase {

  private StitchRequest slowStitch() {
    StitchRequest.Builder r = StitchRequest.newBuilder().setOutputPath("out/slow.mp4")
        .setWidth(1280).setHeight(720);
    for (int i = 0; i < 3; i++) {
      TestMedia.clip(at("in/c" + i + ".mp4"), 320, 180, 24, 6, 440);
      r.addClips(ref("in/c" + i + ".mp4"));
    }
    Transition dissolve = Transition.newBuilder()
        .setKind(TransitionKind.TRANSITION_KIND_DISSOLVE).setDurationSeconds(1).build();
    return r.addTransitions(dissolve).addTransitions(dissolve).build();
  }

  @Test
  void cancellingAStitchKillsFfmpegAndRemovesThePartialOutput() throws Exception {
    StitchRequest request = slowStitch();
    CountDownLatch firstProgress = new CountDownLatch(1);
    CompletableFuture<Status> end = new CompletableFuture<>();
    Context.CancellableContext context = Context.current().withCancellation();
    context.run(() -> MediaServiceGrpc.newStub(service.channel()).stitch(request,
        new StreamObserver<>() {
          @Override
          public void onNext(StitchEvent value) {
            firstProgress.countDown();
          }

          @Override
          public void onError(Throwable t) {
            end.complete(Status.fromThrowable(t));
          }

          @Override
          public void onCompleted() {
            end.complete(Status.OK);
          }
        }));
    assertThat(firstProgress.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ffmpegChildren()).isPositive();
    context.cancel(null);

    assertThat(end.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.CANCELLED);
    assertNoFfmpegAndNoOutput();
  }

  @Test
  void anExpiredDeadlineKillsTheOneEncodeOfStillSegments() throws Exception {
    StitchRequest.Builder r = StitchRequest.newBuilder().setOutputPath("out/stills.mp4")
        .setWidth(1280).setHeight(720);
    for (int i = 0; i < 3; i++) {
      Scenes.draw(at("in/s" + i + ".png"), 1280, 720, i);
      r.addSegments(StillSegmentTest.still("in/s" + i + ".png",
          dev.reelmesh.v1.Motion.MOTION_ZOOM_IN, 20));
    }
    StitchRequest request = r.build();
    // The encode was running when the deadline struck: progress had arrived.
    java.util.concurrent.atomic.AtomicInteger progress = new java.util.concurrent.atomic
        .AtomicInteger();
    assertThatThrownBy(() -> MediaServiceGrpc.newBlockingStub(service.channel())
        .withDeadlineAfter(2500, TimeUnit.MILLISECONDS).stitch(request)
        .forEachRemaining(e -> progress.incrementAndGet()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
            e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    assertThat(progress.get()).isPositive();
    assertNoFfmpegAndNoOutput();
  }

  @Test
  void anExpiredDeadlineKillsFfmpegToo() throws Exception {
    StitchRequest request = slowStitch();
    assertThatThrownBy(() -> MediaServiceGrpc.newBlockingStub(service.channel())
        .withDeadlineAfter(1500, TimeUnit.MILLISECONDS).stitch(request)
        .forEachRemaining(e -> { }))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
            e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    assertNoFfmpegAndNoOutput();
    // and the service keeps serving
    assertThat(stub().probe(dev.reelmesh.v1.ProbeRequest.newBuilder()
        .setMedia(ref("in/c0.mp4")).build()).getStreamsCount()).isEqualTo(2);
  }

  private void assertNoFfmpegAndNoOutput() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    // The client sees CANCELLED at once; the server kills the child and deletes the partial
    // file right after, on its job thread.
    while ((ffmpegChildren() > 0 || outputs() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(ffmpegChildren()).isZero();
    assertThat(outputs()).isZero();
  }

  private long outputs() throws java.io.IOException {
    try (var files = Files.list(at("out"))) {
      return files.count();
    }
  }

  private static long ffmpegChildren() {
    return ProcessHandle.current().descendants().filter(p -> p.isAlive()
        && p.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false)).count();
  }
}
