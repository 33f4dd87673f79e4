package dev.reelmesh.media.captions;

/** One caption: text on screen from {@code start} to {@code end} seconds. */
public record CaptionCue(double start, double end, String text) {}
