package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.provider.BudgetExceeded;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.MotionNames;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.ClipReady;
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.PlannedClip;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every clip rendered from its chosen frames, several at once up to the job's limit. The
 * offline engine's clips are stills with a camera move: nothing is rendered here, the final
 * Stitch renders them in its one encode.
 */
final class ClipsStage {
  static final double FPS = 24;

  private ClipsStage() {}

  /**
   * Seconds each cut's dissolve overlaps; short clips get shorter ones. A plan cut to the
   * model's allowed lengths has hard cuts: a dissolve would ask past an allowed length.
   */
  static double overlap(JobContext ctx) {
    if (ctx.plan.getAllowedClipSecondsCount() > 0) {
      return 0;
    }
    double shortest = Double.MAX_VALUE;
    for (PlannedClip clip : ctx.plan.getClipsList()) {
      shortest = Math.min(shortest, clip.getEndSeconds() - clip.getStartSeconds());
    }
    return ctx.plan.getClipsCount() < 2 ? 0 : Math.min(0.5, shortest / 4);
  }

  static void run(JobContext ctx) {
    int n = ctx.plan.getClipsCount();
    double overlap = overlap(ctx);
    Semaphore slots = new Semaphore(ctx.spec.spec().getMaxParallelClips());
    AtomicInteger done = new AtomicInteger();
    List<CompletableFuture<ClipReady>> futures = new ArrayList<>();
    ctx.progress(0, "preparing " + n + " clips with "
        + ctx.providers.video().name());
    // The job's gRPC Context travels with each task, so a cancel reaches the render.
    Context context = Context.current();
    // Once a clip has failed the job will fail: clips still waiting for a slot are not started,
    // so a paid provider is not called for a video nobody will see.
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      // Slots are taken here, in clip order, so clips start in order (with one slot, clip 1
      // first); a task only releases its slot.
      slots.acquireUninterruptibly();
      futures.add(CompletableFuture.supplyAsync(() -> {
        Context previous = context.attach();
        try {
          ctx.checkCancelled();
          if (failure.get() != null) {
            throw new NotStarted();
          }
          return render(ctx, index, overlap, done, n);
        } catch (RuntimeException e) {
          if (!(e instanceof NotStarted)) {
            failure.compareAndSet(null, e);
          }
          throw e;
        } finally {
          slots.release();
          context.detach(previous);
        }
      }, ctx.clipExecutor));
    }
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      // The clip that failed first, not one skipped because of it.
      RuntimeException first = failure.get();
      throw first != null ? first : e.getCause() instanceof RuntimeException r ? r : e;
    }
    for (CompletableFuture<ClipReady> future : futures) {
      ctx.clips.add(future.join());
    }
    // Only once every clip has had its first render: a re-render never takes the budget a
    // first render needs.
    ClipChecks.rerenderFlagged(ctx, i -> request(ctx, i, overlap, n),
        r -> renderWithRetry(ctx, r));
    ClipChecks.stillsSkipped(ctx);
  }

  /** A clip skipped because another one failed first. */
  private static final class NotStarted extends RuntimeException {
    NotStarted() {
      super("not started: an earlier clip failed", null, false, false);
    }
  }

  private static ClipReady render(JobContext ctx, int index, double overlap,
      AtomicInteger done, int n) {
    String key = "clip-" + index + "-g" + ctx.generations.clip(index);
    ClipReady known = ctx.memo().find(key, ClipReady.parser());
    if (known != null) {
      done.incrementAndGet();
      return known;
    }
    ClipRequest request = request(ctx, index, overlap, n);
    double duration = request.durationSeconds();
    java.util.Optional<VideoProvider.Still> still = ctx.providers.video().still(request);
    if (still.isPresent()) {
      return ready(ctx, key, done, n, ClipReady.newBuilder().setClipIndex(index)
          .setStill(still.get().motion()).setDurationSeconds(duration)
          .setEngine(still.get().engine()).build(), String.format(
              "clip %d ready: a still with a %s move (%s engine), rendered in the final encode"
                  + " (%.2f s)", index + 1, MotionNames.of(still.get().motion().getMotion()),
              still.get().engine().getEngine(), duration));
    }
    VideoProvider.Rendered rendered = renderWithRetry(ctx, request);
    // Checked against its prompt and frames; a flagged clip is re-rendered after the others.
    dev.reelmesh.v1.ClipChecked check = ClipChecks.first(ctx, request, rendered);
    if (rendered.durationSeconds() > duration + 0.25) {
      // Fixed-length providers (Sora: 4/8/12 s) overshoot; assembly keeps the planned part.
      ctx.event(String.format(
          "clip %d: %s rendered %.2f s for a %.2f s slot; assembly uses the first %.2f s",
          index + 1, rendered.engine().getEngine(), rendered.durationSeconds(), duration,
          duration));
    }
    return ready(ctx, key, done, n, ClipReady.newBuilder().setClipIndex(index)
        .setClip(rendered.clip()).setDurationSeconds(rendered.durationSeconds())
        .setEngine(rendered.engine()).addChecks(check).build(),
        String.format("clip %d ready (%.2f s)", index + 1, rendered.durationSeconds()));
  }

  /** What to render for clip {@code index}: its frames, slot length, prompt and step key. */
  private static ClipRequest request(JobContext ctx, int index, double overlap, int n) {
    PlannedClip planned = ctx.plan.getClips(index);
    double duration = planned.getEndSeconds() - planned.getStartSeconds()
        + (index < n - 1 ? overlap : 0);
    FrameResult start = frame(ctx, index, 0);
    FrameResult end = frame(ctx, index, 1);
    return new ClipRequest(index,
        start.getVariations(start.getChosen()).getImage(),
        end.getVariations(end.getChosen()).getImage(),
        duration, ctx.spec.frameSize(), FPS,
        ctx.prompts.getPromptsCount() > index ? ctx.prompts.getPrompts(index) : null,
        ctx.path(String.format("clips/clip%02d-g%d.mp4", index, ctx.generations.clip(index))),
        "clip-" + index + "-g" + ctx.generations.clip(index));
  }

  /**
   * Records the clip (a still too: a resumed or regenerated run then reports only the clips it
   * redoes) and reports it ready.
   */
  private static ClipReady ready(JobContext ctx, String key, AtomicInteger done, int n,
      ClipReady ready, String message) {
    ctx.memo().put(key, ready);
    ctx.engines.put("video", ready.getEngine());
    int finished = done.incrementAndGet();
    ctx.progress((double) finished / n, message, e -> e.setClipReady(ready));
    return ready;
  }

  /**
   * Transient failures get one more try, reported as a retry event; a second failure fails the
   * job with the reason.
   */
  private static VideoProvider.Rendered renderWithRetry(JobContext ctx, ClipRequest request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ctx.providers.video().render(request);
      } catch (StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        // A budget refusal is RESOURCE_EXHAUSTED too, but trying again would not make it fit.
        boolean transientError = !(e instanceof BudgetExceeded)
            && (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                || code == Status.Code.RESOURCE_EXHAUSTED);
        if (ctx.job.cancelRequested() || attempt == 2 || !transientError) {
          throw e;
        }
        // A second render is a retry like any provider call's: the caller sees it as an event.
        ctx.job.retrying("clip " + (request.clipIndex() + 1), attempt,
            ProviderCalls.brief(e.getStatus().getCode() + ": " + e.getStatus().getDescription()),
            java.time.Duration.ZERO);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw Status.INTERNAL.withDescription("clip " + (request.clipIndex() + 1) + ": "
            + e.getMessage()).withCause(e).asRuntimeException();
      }
    }
  }

  private static FrameResult frame(JobContext ctx, int clip, int which) {
    return ctx.frames.get(2 * clip + which);
  }
}
