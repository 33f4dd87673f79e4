package dev.reelmesh.orchestrator.provider.image;

import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.ScenePlan;
import java.nio.file.Path;
import java.util.List;

/**
 * One storyboard frame to generate.
 *
 * @param anchors images the frame must stay consistent with, strongest first: the user's
 *     reference, then the previous frame of the chain
 * @param reference the user's reference image, when there is one (also first in anchors)
 */
public record ImageRequest(
    String prompt,
    ScenePlan plan,
    int clipIndex,
    FrameKind frame,
    int variations,
    FrameSize size,
    long seed,
    Path reference,
    List<Path> anchors,
    Path outDir) {}
