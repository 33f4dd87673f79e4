package dev.reelmesh.media.stitch;

import java.nio.file.Path;

/** The stitched file, its planned length, whether it was stream-copied, transitions rendered. */
public record StitchOutcome(Path video, double durationSeconds, boolean streamCopied,
    int transitions) {}
