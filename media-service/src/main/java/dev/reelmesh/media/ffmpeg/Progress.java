package dev.reelmesh.media.ffmpeg;

/** One {@code -progress} report: output seconds written so far and FFmpeg's speed (1.0 = realtime). */
public record Progress(double outTimeSeconds, double speed, boolean finished) {}
