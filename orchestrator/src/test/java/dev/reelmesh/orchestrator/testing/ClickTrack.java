package dev.reelmesh.orchestrator.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A click track of known tempo as a WAV (44.1 kHz, 16-bit mono): a 20 ms 2 kHz click on every
 * beat from {@code offset} on, a higher (3 kHz) and louder one on the first beat of each bar of
 * four; from {@code loudFrom} seconds on every click is three times as loud.
 */
public record ClickTrack(double bpm, double offset, double seconds, double loudFrom) {
  static final int RATE = 44_100;

  public double beatSeconds() {
    return 60 / bpm;
  }

  /** Distance from {@code t} to the nearest beat of the track. */
  public double distanceToBeat(double t) {
    double k = Math.rint((t - offset) / beatSeconds());
    return Math.abs(t - (offset + k * beatSeconds()));
  }

  public Path write(Path file) throws IOException {
    int samples = (int) (RATE * seconds);
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    double beat = beatSeconds();
    for (int i = 0; i < samples; i++) {
      double t = i / (double) RATE;
      double since = t - offset;
      double v = 0;
      if (since >= 0) {
        long k = (long) Math.floor(since / beat);
        double in = since - k * beat;
        if (in < 0.02) {
          boolean downbeat = k % 4 == 0;
          double gain = (downbeat ? 0.3 : 0.15) * (t >= loudFrom ? 3 : 1);
          v = gain * Math.sin(2 * Math.PI * (downbeat ? 3000 : 2000) * in);
        }
      }
      pcm.putShort((short) Math.round(v * 32767));
    }
    AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
    Files.createDirectories(file.getParent());
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()),
        format, samples)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
    return file;
  }
}
