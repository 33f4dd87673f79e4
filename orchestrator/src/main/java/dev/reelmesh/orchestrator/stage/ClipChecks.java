package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.ClipCheckPolicy;
import dev.reelmesh.v1.ClipChecked;
import dev.reelmesh.v1.ClipReady;
import dev.reelmesh.v1.ClipVerdict;
import dev.reelmesh.v1.Stage;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What follows a provider's clip file: it is checked ({@link ClipCheckCall}) and, when flagged
 * and the job allows, rendered ONCE more through the same provider path (held, journaled and
 * charged like the first render, under the same cap), announced as a retry; of two flagged
 * renders the better one is kept. Every check, skip and re-render is an event.
 */
final class ClipChecks {
  static final String OFFLINE_STILLS = "no clip file: offline stills, rendered inside the final"
      + " Stitch";

  private ClipChecks() {}

  /** The clip the job keeps, and the checks that chose it. */
  record Checked(VideoProvider.Rendered rendered, List<ClipChecked> checks) {}

  static Checked after(JobContext ctx, ClipRequest request, VideoProvider.Rendered first,
      Function<ClipRequest, VideoProvider.Rendered> render) {
    ClipCheckPolicy policy = ctx.spec.spec().getClipChecks();
    String clip = "clip " + (request.clipIndex() + 1);
    if (policy == ClipCheckPolicy.CLIP_CHECK_POLICY_OFF) {
      ClipChecked off = ClipChecked.newBuilder().setClipIndex(request.clipIndex()).setAttempt(1)
          .setClip(first.clip()).setSkipped("clip checks off (spec.clip_checks)").build();
      tell(ctx, clip, off);
      return new Checked(first, List.of(off));
    }
    ClipChecked check = ClipCheckCall.run(ctx, request, first, 1);
    boolean rerender = policy != ClipCheckPolicy.CLIP_CHECK_POLICY_FLAG_ONLY;
    if (!flagged(check)) {
      tell(ctx, clip, check);
      return new Checked(first, List.of(check));
    }
    if (!rerender) {
      check = check.toBuilder().setAction("kept: re-render off (spec.clip_checks)").build();
      tell(ctx, clip, check);
      return new Checked(first, List.of(check));
    }
    tell(ctx, clip, check.toBuilder().setAction("re-render once").build());
    ctx.checkCancelled();
    ctx.job.retrying(clip + " render (re-render after a failed clip check)", 1,
        check.getReasonsCount() > 0 ? check.getReasons(0) : "flagged", Duration.ZERO);
    VideoProvider.Rendered second;
    try {
      second = render.apply(new ClipRequest(request.clipIndex(), request.startFrame(),
          request.endFrame(), request.durationSeconds(), request.size(), request.fps(),
          request.prompt(), request.outputPath().replaceFirst("\\.mp4$", "-recheck.mp4"),
          request.stepKey() + "-recheck"));
    } catch (StatusRuntimeException e) {
      if (ctx.job.cancelRequested()) {
        throw e;
      }
      String why = ClipCheckCall.brief(e);
      ctx.fallback(Stage.STAGE_CLIPS, 40, "clip_check", "a re-render of " + clip,
          "the flagged clip", why, request.clipIndex());
      ClipChecked kept = check.toBuilder().setAction("kept: re-render refused (" + why + ")")
          .build();
      return new Checked(first, List.of(kept));
    }
    ClipChecked again = ClipCheckCall.run(ctx, request, second, 2);
    boolean secondBetter = !flagged(again) || !again.getSkipped().isEmpty()
        || again.getScore() >= check.getScore();
    if (flagged(again)) {
      again = again.toBuilder().setAction(String.format(Locale.ROOT,
          "kept: already re-rendered once; the %s render (match %.1f)",
          secondBetter ? "second" : "first", Math.max(again.getScore(), check.getScore())))
          .build();
    }
    tell(ctx, clip, again);
    return new Checked(secondBetter ? second : first, List.of(
        check.toBuilder().setAction("re-render once").build(), again));
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
    ctx.job.event(Stage.STAGE_CLIPS, 40, message(clip, check), e -> e.setClipCheck(check));
  }

  static String message(String clip, ClipChecked c) {
    if (!c.getSkipped().isEmpty()) {
      return clip + " not checked: " + c.getSkipped();
    }
    String by = String.join(", ", c.getScorersList());
    if (!flagged(c)) {
      return String.format(Locale.ROOT, "%s check passed (render %d): lowest frame match %.1f"
          + " ≥ %.1f by %s", clip, c.getAttempt(), c.getScore(), c.getThreshold(), by);
    }
    return String.format(Locale.ROOT, "%s flagged (render %d): lowest frame match %.1f < %.1f"
        + " by %s: %s%s", clip, c.getAttempt(), c.getScore(), c.getThreshold(), by,
        String.join("; ", c.getReasonsList()), c.getAction().isEmpty() ? "" : "; "
            + c.getAction());
  }
}
