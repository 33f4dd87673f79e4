package dev.reelmesh.orchestrator.job;

import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.JobSpec;

/** The validated spec of a job with the derived values every stage needs. */
public record JobSpecView(JobSpec spec) {
  public FrameSize frameSize() {
    return FrameSize.of(spec.getAspectRatio(), spec.getQualityTier());
  }

  /** The seed for every offline engine: the user's, or one derived from the brief. */
  public long seed() {
    return dev.reelmesh.orchestrator.spec.JobSpecs.seed(spec);
  }

  public boolean narration() {
    return !spec.getNarrationOff();
  }
}
