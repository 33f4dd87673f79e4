package dev.reelmesh.media.stitch;

/**
 * One piece of a stitch's timeline: a clip file ({@link StitchClip}) or a still with a camera move
 * ({@link StillShot}), rendered inside the stitch's one encode.
 */
public sealed interface Segment permits StitchClip, StillShot {
  /** The request field that names it in errors ("clips[2]", "segments[3]"). */
  String field();

  /** Seconds this segment takes on the timeline, before overlaps. */
  double seconds();

  /** How many FFmpeg inputs it reads (a blend reads two stills). */
  int inputCount();
}
