package dev.reelmesh.media;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.media.ffmpeg.FfmpegBinaries;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.media.probe.Prober;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test inputs made by the bundled FFmpeg itself: test patterns, tones, truncated files. */
final class TestMedia {
  static final FfmpegRunner RUNNER = new FfmpegRunner(FfmpegBinaries::get);
  static final Prober PROBER = new Prober(RUNNER);

  private TestMedia() {}

  static Path still(Path file, int w, int h, String source) {
    ffmpeg(List.of("-f", "lavfi", "-i", source + "=size=" + w + "x" + h + ":rate=1",
        "-frames:v", "1", file.toString()));
    return file;
  }

  /** A testsrc2 clip with a sine tone (or no audio when {@code hz} is 0). */
  static Path clip(Path file, int w, int h, double fps, double seconds, int hz) {
    List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=" + w + "x"
        + h + ":rate=" + Encoders.num(fps) + ":duration=" + Encoders.num(seconds)));
    if (hz > 0) {
      args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=" + hz + ":sample_rate=48000:"
          + "duration=" + Encoders.num(seconds), "-ac", "2"));
      args.addAll(Encoders.aac());
    }
    args.addAll(Encoders.h264(w, h, fps));
    args.add(file.toString());
    ffmpeg(args);
    return file;
  }

  /**
   * A clip that looks like a real offline job's: {@code still} (an animatic-like frame) pushed in
   * slowly at 2× size as the motion engine moves its cameras, with a sine tone (none when
   * {@code hz} is 0). Such content encodes at the bitrate real jobs run at, which test patterns
   * do not.
   */
  static Path sceneClip(Path file, Path still, int w, int h, double fps, double seconds,
      int hz) {
    int frames = (int) Math.round(seconds * fps);
    List<String> args = new ArrayList<>(List.of("-i", still.toString()));
    if (hz > 0) {
      args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=" + hz + ":sample_rate=48000:"
          + "duration=" + Encoders.num(seconds), "-ac", "2"));
      args.addAll(Encoders.aac());
    }
    args.addAll(List.of("-vf", "scale=" + 2 * w + ":" + 2 * h + ",zoompan=z='1+0.15*on/"
        + frames + "':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=" + frames + ":s=" + w + "x"
        + h + ":fps=" + Encoders.num(fps), "-frames:v", Integer.toString(frames)));
    args.addAll(Encoders.h264(w, h, fps));
    args.add(file.toString());
    ffmpeg(args);
    return file;
  }

  /** A tone as WAV at a given amplitude-ish level, mono 48 kHz. */
  static Path tone(Path file, int hz, double seconds, double volumeDb) {
    ffmpeg(List.of("-f", "lavfi", "-i", "sine=frequency=" + hz + ":sample_rate=48000:duration="
        + Encoders.num(seconds), "-af", "volume=" + Encoders.num(volumeDb) + "dB",
        file.toString()));
    return file;
  }

  /** The first {@code keep} bytes of {@code source}: a corrupt file of the same kind. */
  static Path truncated(Path source, Path file, int keep) throws IOException {
    byte[] all = Files.readAllBytes(source);
    Files.write(file, java.util.Arrays.copyOf(all, Math.min(keep, all.length)));
    return file;
  }

  /** {@code source} remuxed with its index (moov) first, as players and providers write MP4s. */
  static Path indexFirst(Path source, Path file) {
    ffmpeg(List.of("-i", source.toString(), "-map", "0", "-c", "copy", "-movflags", "+faststart",
        file.toString()));
    return file;
  }

  /** {@code source} with bytes {@code [from, to)} overwritten by noise: intact container, bad data. */
  static Path scrambled(Path source, Path file, int from, int to) throws IOException {
    byte[] all = Files.readAllBytes(source);
    java.util.Random noise = new java.util.Random(5);
    for (int i = from; i < Math.min(to, all.length); i++) {
      all[i] = (byte) noise.nextInt(256);
    }
    Files.write(file, all);
    return file;
  }

  static MediaInfo probe(Path file) {
    return PROBER.probe("test", file, Cancellation.none());
  }

  static void ffmpeg(List<String> args) {
    try {
      Files.createDirectories(Path.of(args.get(args.size() - 1)).toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    RUNNER.ffmpeg("test input", args, Cancellation.none(), null);
  }
}
