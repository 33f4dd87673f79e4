package dev.reelmesh.media.audio;

import java.nio.file.Path;

/** One narration file placed at {@code startSeconds}; {@code audioSeconds} is its probed length. */
public record NarrationClip(Path audio, double startSeconds, double audioSeconds) {}
