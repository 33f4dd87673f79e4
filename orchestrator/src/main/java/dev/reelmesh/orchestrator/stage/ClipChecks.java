package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.ClipCheckPolicy;
import dev.reelmesh.v1.ClipChecked;
import dev.reelmesh.v1.ClipReady;
import dev.reelmesh.v1.ClipVerdict;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What follows a provider's clip file: it is checked ({@link ClipCheckCall}) and, when flagged
 * and the job allows, rendered ONCE more through the same provider path (held, journaled and
 * charged like the first render, under the same cap), announced as a retry; of two flagged
 * renders the better one is kept. Every check, skip and re-render is an event.
 */
final class ClipChecks {
  static final String RERENDER = "re-render once, after every clip's first render";
  static final String OFFLINE_STILLS = "no clip file: offline stills, rendered inside the final"
      + " Stitch";

  private ClipChecks() {}

  /** The first check of a clip's first render (skipped when the job turns checks off). */
  static ClipChecked first(JobContext ctx, ClipRequest request, VideoProvider.Rendered rendered) {
    ClipCheckPolicy policy = ctx.spec.spec().getClipChecks();
    ClipChecked check = policy == ClipCheckPolicy.CLIP_CHECK_POLICY_OFF
        ? ClipChecked.newBuilder().setClipIndex(request.clipIndex()).setAttempt(1)
            .setClip(rendered.clip()).setSkipped("clip checks off (spec.clip_checks)").build()
        : ClipCheckCall.run(ctx, request, rendered, 1);
    if (flagged(check)) {
      check = check.toBuilder().setAction(policy == ClipCheckPolicy.CLIP_CHECK_POLICY_FLAG_ONLY
          ? "kept: re-render off (spec.clip_checks)" : RERENDER).build();
    }
    tell(ctx, "clip " + (request.clipIndex() + 1), check);
    return check;
  }

  /**
   * Renders each clip flagged for it once more, after every clip's first render, and keeps the
   * better of the two. A refused or failed re-render keeps the flagged clip, with a fallback
   * event; the outcome is recorded, so a resumed run does not render it again.
   */
  static void rerenderFlagged(JobContext ctx, IntFunction<ClipRequest> requests,
      Function<ClipRequest, VideoProvider.Rendered> render) {
    for (int i = 0; i < ctx.clips.size(); i++) {
      ClipReady ready = ctx.clips.get(i);
      ClipChecked check = ready.getChecksCount() == 0 ? null
          : ready.getChecks(ready.getChecksCount() - 1);
      if (!ready.hasClip() || check == null || !RERENDER.equals(check.getAction())) {
        continue;
      }
      ClipRequest first = requests.apply(i);
      ClipRequest again = new ClipRequest(i, first.startFrame(), first.endFrame(),
          first.durationSeconds(), first.size(), first.fps(), first.prompt(),
          first.outputPath().replaceFirst("\\.mp4$", "-recheck.mp4"),
          first.stepKey() + "-recheck");
      ClipReady known = ctx.memo().find(again.stepKey(), ClipReady.parser());
      ctx.clips.set(i, known != null ? known : rerender(ctx, ready, check, again, render));
    }
  }

  private static ClipReady rerender(JobContext ctx, ClipReady ready, ClipChecked check,
      ClipRequest request, Function<ClipRequest, VideoProvider.Rendered> render) {
    String clip = "clip " + (request.clipIndex() + 1);
    ctx.checkCancelled();
    ctx.job.retrying(clip + " render (re-render after a failed clip check)", 1,
        check.getReasonsCount() > 0 ? check.getReasons(0) : "flagged", Duration.ZERO);
    ClipReady.Builder out = ready.toBuilder().clearChecks();
    VideoProvider.Rendered second;
    try {
      second = render.apply(request);
    } catch (StatusRuntimeException e) {
      if (ctx.job.cancelRequested()) {
        throw e;
      }
      String why = ClipCheckCall.brief(e);
      ctx.fallback("clip_check", "a re-render of " + clip, "the flagged clip", why,
          request.clipIndex());
      ClipReady kept = out.addChecks(check.toBuilder()
          .setAction("kept: re-render refused (" + why + ")")).build();
      ctx.memo().put(request.stepKey(), kept);
      return kept;
    }
    ClipChecked recheck = ClipCheckCall.run(ctx, request, second, 2);
    boolean secondKept = !flagged(recheck) || recheck.getScore() >= check.getScore();
    if (flagged(recheck)) {
      recheck = recheck.toBuilder().setAction(String.format(Locale.ROOT,
          "kept: already re-rendered once; the %s render (match %.1f)",
          secondKept ? "second" : "first", Math.max(recheck.getScore(), check.getScore())))
          .build();
    }
    tell(ctx, clip, recheck);
    out.addChecks(check).addChecks(recheck);
    if (secondKept) {
      out.setClip(second.clip()).setDurationSeconds(second.durationSeconds())
          .setEngine(second.engine());
    }
    ClipReady replaced = out.build();
    ctx.memo().put(request.stepKey(), replaced);
    ctx.progress(1, String.format(Locale.ROOT,
        "%s re-rendered: keeping the %s render (%.2f s)", clip, secondKept ? "second" : "first",
        replaced.getDurationSeconds()), e -> e.setClipReady(replaced));
    return replaced;
  }

  private static boolean flagged(ClipChecked check) {
    return check.getVerdict() == ClipVerdict.CLIP_VERDICT_FLAGGED;
  }

  /** The offline engine's clips have no file: one job-wide event says the checks were skipped. */
  static void stillsSkipped(JobContext ctx) {
    if (!ctx.clips.isEmpty() && ctx.clips.stream().allMatch(ClipReady::hasStill)) {
      ClipChecked skipped = ClipChecked.newBuilder().setClipIndex(-1).setSkipped(OFFLINE_STILLS)
          .build();
      tell(ctx, "clips", skipped);
    }
  }

  /** The run's checks for the result: each clip's, or the one job-wide skip. */
  static List<ClipChecked> ofRun(JobContext ctx) {
    if (!ctx.clips.isEmpty() && ctx.clips.stream().allMatch(ClipReady::hasStill)) {
      return List.of(ClipChecked.newBuilder().setClipIndex(-1).setSkipped(OFFLINE_STILLS)
          .build());
    }
    List<ClipChecked> all = new ArrayList<>();
    ctx.clips.forEach(c -> all.addAll(c.getChecksList()));
    return all;
  }

  private static void tell(JobContext ctx, String clip, ClipChecked check) {
    ctx.event(message(clip, check), e -> e.setClipCheck(check));
  }

  static String message(String clip, ClipChecked c) {
    if (!c.getSkipped().isEmpty()) {
      return clip + " not checked: " + c.getSkipped();
    }
    String by = String.join(", ", c.getScorersList());
    if (!flagged(c)) {
      return String.format(Locale.ROOT, "%s check passed (render %d): lowest frame match %.1f"
          + " ≥ %.1f by %s (%.0f ms)", clip, c.getAttempt(), c.getScore(), c.getThreshold(), by,
          c.getElapsedMs());
    }
    return String.format(Locale.ROOT, "%s flagged (render %d): lowest frame match %.1f < %.1f"
        + " by %s (%.0f ms): %s%s", clip, c.getAttempt(), c.getScore(), c.getThreshold(), by,
        c.getElapsedMs(), String.join("; ", c.getReasonsList()), c.getAction().isEmpty() ? ""
            : "; " + c.getAction());
  }
}
