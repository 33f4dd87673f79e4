package dev.reelmesh.media.audio;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated mix. {@code video} is null for audio-only output; {@code seconds} is the output
 * length (the video's when there is one). {@code videoFilter} is an extra filter chain for the
 * picture (caption burn-in), or null to copy the video stream untouched.
 */
public record MixSpec(Path video, double seconds, List<NarrationClip> narration,
    MusicSource music, double narrationLufs, double targetLufs, double truePeakDb,
    String videoFilter, VideoFormat videoFormat, Path output) {

  /** What a re-encoded picture needs (size and rate of the source video). */
  public record VideoFormat(int width, int height, double fps) {}
}
