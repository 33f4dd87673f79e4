package dev.reelmesh.media.audio;

import java.nio.file.Path;

/** The written mix and its loudness as measured on the output file. */
public record MixOutcome(Path output, LoudnessReading loudness) {}
