package dev.reelmesh.media.music;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.ffmpeg.WorkDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Any audio FFmpeg reads → mono float PCM at {@link MusicAnalysis#SAMPLE_RATE}. */
public final class PcmDecoder {
  private final FfmpegRunner runner;

  public PcmDecoder(FfmpegRunner runner) {
    this.runner = runner;
  }

  /** The first audio stream of {@code file}, downmixed; through a temp file (no pipes held). */
  public float[] decode(Path file, Cancellation cancel) {
    try (WorkDir work = new WorkDir("reelmesh-music")) {
      Path raw = work.path().resolve("music.f32");
      runner.ffmpeg("decode music", List.of("-xerror", "-i", file.toString(), "-map", "0:a:0",
          "-ac", "1", "-ar", Integer.toString(MusicAnalysis.SAMPLE_RATE), "-f", "f32le",
          raw.toString()), cancel, null);
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
      float[] pcm = new float[bytes.remaining() / 4];
      bytes.asFloatBuffer().get(pcm);
      return pcm;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the decoded music", e);
    }
  }
}
