package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.ClipPrompt;

/**
 * One clip to render.
 *
 * @param durationSeconds the clip's planned length plus the overlap the transition into the next
 *     clip eats, so the stitched video keeps the planned length
 */
public record ClipRequest(
    int clipIndex,
    ArtifactRef startFrame,
    ArtifactRef endFrame,
    double durationSeconds,
    FrameSize size,
    double fps,
    ClipPrompt prompt,
    String outputPath,
    String stepKey) {}
