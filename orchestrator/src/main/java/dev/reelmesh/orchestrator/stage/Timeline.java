package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.ClipReady;
import dev.reelmesh.v1.SegmentPreview;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchResult;
import dev.reelmesh.v1.StitchSegment;
import dev.reelmesh.v1.Transition;
import dev.reelmesh.v1.TransitionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The final Stitch's picture. Clip files alone go as {@code clips}, as they always have; once a
 * clip is a still with a camera move, every clip goes as a segment (stills next to files) and
 * the stills are rendered in that one encode. A still's low-resolution preview (the job result's
 * per-clip artefact) is asked only for a clip whose current generation has none yet, so a
 * regenerated job encodes previews only for the clips it redoes.
 */
final class Timeline {
  private Timeline() {}

  static void fill(JobContext ctx, StitchRequest.Builder request) {
    double overlap = ClipsStage.overlap(ctx);
    int n = ctx.clips.size();
    // No overlap (a plan cut to the model's lengths): no transitions, every cut hard.
    for (int i = 1; i < n && overlap > 0; i++) {
      request.addTransitions(Transition.newBuilder()
          .setKind(TransitionKind.TRANSITION_KIND_DISSOLVE).setDurationSeconds(overlap));
    }
    boolean anyStill = ctx.clips.stream().anyMatch(ClipReady::hasStill);
    for (int i = 0; i < n; i++) {
      ClipReady clip = ctx.clips.get(i);
      // Each clip fills its slot (plus the overlap its dissolve eats); a longer render is trimmed.
      double slot = ctx.plan.getClips(i).getEndSeconds() - ctx.plan.getClips(i).getStartSeconds()
          + (i < n - 1 ? overlap : 0);
      if (!anyStill) {
        request.addClips(clip.getClip())
            .addClipSeconds(Math.min(slot, clip.getDurationSeconds()));
      } else if (clip.hasStill()) {
        StitchSegment.Builder segment = StitchSegment.newBuilder().setStill(clip.getStill())
            .setDurationSeconds(clip.getDurationSeconds());
        if (ctx.memo().find(previewKey(ctx, i), ArtifactRef.parser()) == null) {
          segment.setPreviewPath(ctx.path(String.format("clips/clip%02d-g%d-preview.mp4", i,
              ctx.generations.clip(i))));
        }
        request.addSegments(segment);
      } else {
        request.addSegments(StitchSegment.newBuilder().setClip(clip.getClip())
            .setDurationSeconds(Math.min(slot, clip.getDurationSeconds())));
      }
    }
  }

  /** Records the previews a stitch wrote (segment i is clip i), for this and later runs. */
  static void recordPreviews(JobContext ctx, StitchResult result) {
    for (SegmentPreview preview : result.getPreviewsList()) {
      String key = previewKey(ctx, preview.getSegment());
      if (ctx.memo().find(key, ArtifactRef.parser()) == null) {
        ctx.memo().put(key, preview.getVideo());
      }
    }
  }

  /** One artefact per clip for the job result: the provider's file or the still's preview. */
  static List<ArtifactRef> artefacts(JobContext ctx) {
    List<ArtifactRef> out = new ArrayList<>();
    for (int i = 0; i < ctx.clips.size(); i++) {
      ClipReady clip = ctx.clips.get(i);
      if (!clip.hasStill()) {
        out.add(clip.getClip());
        continue;
      }
      ArtifactRef preview = ctx.memo().find(previewKey(ctx, i), ArtifactRef.parser());
      if (preview == null) {
        throw new IllegalStateException("clip " + (i + 1) + ": the final stitch wrote no preview");
      }
      out.add(preview);
    }
    return out;
  }

  private static String previewKey(JobContext ctx, int clip) {
    return "clip-preview-" + clip + "-g" + ctx.generations.clip(clip);
  }
}
