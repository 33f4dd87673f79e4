package dev.reelmesh.media.stitch;

import java.nio.file.Path;
import java.util.Map;

/**
 * The stitched file, its planned length, whether it was stream-copied, transitions rendered,
 * FFmpeg's log of the run (read by callers that meter on the way, see {@link AudioOverride}), and
 * the previews written, by segment index (ascending).
 */
public record StitchOutcome(Path video, double durationSeconds, boolean streamCopied,
    int transitions, String log, Map<Integer, Path> previews) {}
