package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.CheckClipRequest;
import dev.reelmesh.v1.CheckClipResponse;
import dev.reelmesh.v1.ClipChecked;
import dev.reelmesh.v1.ClipFrame;
import dev.reelmesh.v1.ClipVerdict;
import dev.reelmesh.v1.ExtractFramesRequest;
import dev.reelmesh.v1.ExtractFramesResponse;
import dev.reelmesh.v1.FrameCheck;
import dev.reelmesh.v1.FramePosition;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.ScoringServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One check of one rendered clip: frames taken at its start, middle and end (of the part the
 * video uses) by the media service, then ScoringService.CheckClip: the start and middle frames
 * against the storyboard's start frame, the end frame against its end frame, each against the
 * clip's prompt. Either outcome is a {@link ClipChecked}; a check that cannot run says why.
 */
final class ClipCheckCall {
  /** Small frames are plenty: the scorers resize to their own input size. */
  static final int FRAME_WIDTH = 320;

  private ClipCheckCall() {}

  static ClipChecked run(JobContext ctx, ClipRequest request, VideoProvider.Rendered rendered,
      int attempt) {
    long started = System.nanoTime();
    ClipChecked.Builder check = check(ctx, request, rendered, attempt);
    return check.setElapsedMs((System.nanoTime() - started) / 1e6).build();
  }

  private static ClipChecked.Builder check(JobContext ctx, ClipRequest request,
      VideoProvider.Rendered rendered, int attempt) {
    ClipChecked.Builder out = ClipChecked.newBuilder().setClipIndex(request.clipIndex())
        .setAttempt(attempt).setClip(rendered.clip());
    double used = Math.min(rendered.durationSeconds(), request.durationSeconds());
    ExtractFramesResponse frames;
    try {
      frames = MediaServiceGrpc.newBlockingStub(ctx.channels.media())
          .withDeadlineAfter(2, TimeUnit.MINUTES)
          .extractFrames(ExtractFramesRequest.newBuilder().setVideo(rendered.clip())
              .addTimesSeconds(0).addTimesSeconds(used / 2)
              .addTimesSeconds(Math.max(0, used - 2 / request.fps()))
              .setWidth(FRAME_WIDTH)
              .setOutputDir(ctx.path(String.format("checks/clip%02d-%s-a%d",
                  request.clipIndex(), request.stepKey(), attempt)))
              .build());
    } catch (StatusRuntimeException e) {
      return out.setSkipped("frames could not be taken from the clip: " + brief(e));
    }
    if (frames.getFramesCount() < 3) {
      return out.setSkipped("frames could not be taken from the clip: got "
          + frames.getFramesCount() + " of 3");
    }
    frames.getFramesList().forEach(f -> out.addFrameImages(f.getImage()));
    String prompt = request.prompt() == null ? "" : request.prompt().getPrompt();
    double threshold = ctx.spec.spec().getClipCheckThreshold();
    CheckClipResponse head;
    CheckClipResponse tail;
    try {
      head = check(ctx, prompt, threshold, request.startFrame(),
          frame(frames, 0, FramePosition.FRAME_POSITION_START),
          frame(frames, 1, FramePosition.FRAME_POSITION_MIDDLE));
      tail = check(ctx, prompt, threshold, request.endFrame(),
          frame(frames, 2, FramePosition.FRAME_POSITION_END));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION) {
        return out.setSkipped("no scorer installed: " + e.getStatus().getDescription());
      }
      return out.setSkipped("scoring failed: " + brief(e));
    }
    return merge(out, head, tail);
  }

  private static CheckClipResponse check(JobContext ctx, String prompt, double threshold,
      ArtifactRef storyboard, ClipFrame... frames) {
    CheckClipRequest.Builder request = CheckClipRequest.newBuilder().setPrompt(prompt)
        .setThreshold(threshold).addAllFrames(List.of(frames));
    if (storyboard != null && !storyboard.getUri().isEmpty()) {
      request.setStoryboardFrame(ImageSource.newBuilder().setArtifact(storyboard));
    }
    return ScoringServiceGrpc.newBlockingStub(ctx.channels.scoring())
        .withDeadlineAfter(2, TimeUnit.MINUTES).checkClip(request.build());
  }

  private static ClipFrame frame(ExtractFramesResponse frames, int i, FramePosition position) {
    return ClipFrame.newBuilder().setImage(ImageSource.newBuilder()
        .setArtifact(frames.getFrames(i).getImage())).setPosition(position).build();
  }

  /** One verdict from the two calls: frames renumbered 0–2, the lowest match, every reason. */
  private static ClipChecked.Builder merge(ClipChecked.Builder out, CheckClipResponse head,
      CheckClipResponse tail) {
    boolean flagged = head.getVerdict() == ClipVerdict.CLIP_VERDICT_FLAGGED
        || tail.getVerdict() == ClipVerdict.CLIP_VERDICT_FLAGGED;
    out.setVerdict(flagged ? ClipVerdict.CLIP_VERDICT_FLAGGED : ClipVerdict.CLIP_VERDICT_PASS)
        .setScore(Math.min(head.getScore(), tail.getScore())).setThreshold(head.getThreshold());
    Set<String> scorers = new LinkedHashSet<>();
    Set<String> warnings = new LinkedHashSet<>();
    int index = 0;
    for (CheckClipResponse part : List.of(head, tail)) {
      for (FrameCheck f : part.getFramesList()) {
        out.addFrames(f.toBuilder().setFrameIndex(index++));
        if (!f.getPromptScorer().isEmpty()) {
          scorers.add("prompt: " + f.getPromptScorer());
        }
        if (!f.getSimilarityMethod().isEmpty()) {
          scorers.add("storyboard: " + f.getSimilarityMethod());
        }
      }
      warnings.addAll(part.getWarningsList());
    }
    // The reasons are written here from the merged frames: each call numbers its own from 0.
    for (FrameCheck f : out.getFramesList()) {
      if (f.getBelowThreshold()) {
        out.addReasons(reason(f, out.getThreshold()));
      }
    }
    return out.addAllScorers(scorers).addAllWarnings(warnings);
  }

  /** "end frame: match 38.3 < 60.0 (prompt 21.0 by clip: …, storyboard 38.3 by …)". */
  private static String reason(FrameCheck f, double threshold) {
    List<String> parts = new java.util.ArrayList<>();
    if (f.getPromptMatch() >= 0) {
      parts.add(String.format(Locale.ROOT, "prompt %.1f by %s", f.getPromptMatch(),
          f.getPromptScorer()));
    }
    if (f.getStoryboardSimilarity() >= 0) {
      parts.add(String.format(Locale.ROOT, "storyboard %.1f by %s",
          f.getStoryboardSimilarity(), f.getSimilarityMethod()));
    }
    return String.format(Locale.ROOT, "%s frame: match %.1f < %.1f (%s)",
        f.getPosition().name().replace("FRAME_POSITION_", "").toLowerCase(Locale.ROOT),
        f.getMatch(), threshold, String.join(", ", parts));
  }

  static String brief(StatusRuntimeException e) {
    return e.getStatus().getCode() + ": " + e.getStatus().getDescription();
  }
}
