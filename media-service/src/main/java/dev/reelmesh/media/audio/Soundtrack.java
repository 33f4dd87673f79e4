package dev.reelmesh.media.audio;

import java.util.List;

/**
 * A validated final mix, independent of where it ends up (MixAudio's output or a stitch):
 * {@code seconds} long, narration placed on the timeline, the music bed, and the levels in
 * LUFS / dBTP.
 */
public record Soundtrack(double seconds, List<NarrationClip> narration, MusicSource music,
    double narrationLufs, double targetLufs, double truePeakDb) {}
