package dev.reelmesh.media.stitch;

import java.nio.file.Path;
import java.util.Optional;
import java.util.List;

/**
 * A validated stitch: segments (clip files and stills with motion), one cut per join, the output
 * frame (size, fps, fit) and where to write it. {@code audio} (nullable) replaces the clips'
 * sound; {@code videoFilter} (nullable) is drawn over the joined picture (caption burn-in).
 * Either one, or any still, forces a re-encode.
 */
public record StitchSpec(List<Segment> segments, List<Cut> cuts, int width, int height,
    double fps, boolean crop, boolean forceReencode, Path output, AudioOverride audio,
    String videoFilter) {

  /** The segments when every one is a clip file (what stream copy needs), else empty. */
  public Optional<List<StitchClip>> clipsOnly() {
    if (!segments.stream().allMatch(s -> s instanceof StitchClip)) {
      return Optional.empty();
    }
    return Optional.of(segments.stream().map(s -> (StitchClip) s).toList());
  }

  /** FFmpeg inputs the segments read, in order (the soundtrack's are numbered after them). */
  public int inputCount() {
    return segments.stream().mapToInt(Segment::inputCount).sum();
  }
}
