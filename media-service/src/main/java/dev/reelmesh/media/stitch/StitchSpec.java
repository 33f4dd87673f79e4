package dev.reelmesh.media.stitch;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated stitch: clips, one cut per join, the output frame (size, fps, fit) and where to
 * write it. {@code audio} (nullable) replaces the clips' sound; {@code videoFilter} (nullable)
 * is drawn over the joined picture (caption burn-in). Either one forces a re-encode.
 */
public record StitchSpec(List<StitchClip> clips, List<Cut> cuts, int width, int height,
    double fps, boolean crop, boolean forceReencode, Path output, AudioOverride audio,
    String videoFilter) {}
