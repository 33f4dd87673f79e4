package dev.reelmesh.media.audio;

import java.nio.file.Path;

/**
 * A validated MixAudio job: the soundtrack, and the video to put it onto ({@code video} null for
 * audio-only output; then {@code sound.seconds()} is the requested length, else the video's).
 * {@code videoFilter} is an extra filter chain for the picture (caption burn-in), or null to
 * copy the video stream untouched.
 */
public record MixSpec(Path video, Soundtrack sound, String videoFilter, VideoFormat videoFormat,
    Path output) {

  /** What a re-encoded picture needs (size and rate of the source video). */
  public record VideoFormat(int width, int height, double fps) {}
}
