package dev.reelmesh.media.stitch;

import java.nio.file.Path;

/**
 * The stitched file, its planned length, whether it was stream-copied, transitions rendered, and
 * FFmpeg's log of the run (read by callers that meter on the way, see {@link AudioOverride}).
 */
public record StitchOutcome(Path video, double durationSeconds, boolean streamCopied,
    int transitions, String log) {}
