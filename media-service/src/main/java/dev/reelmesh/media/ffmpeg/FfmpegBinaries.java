package dev.reelmesh.media.ffmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The {@code ffmpeg} and {@code ffprobe} executables shipped inside the bytedeco jars, extracted
 * to the JavaCPP cache on first use. Users install no FFmpeg of their own.
 */
public final class FfmpegBinaries {
  private final Path ffmpeg;
  private final Path ffprobe;

  private FfmpegBinaries(Path ffmpeg, Path ffprobe) {
    this.ffmpeg = ffmpeg;
    this.ffprobe = ffprobe;
  }

  private static final class Holder {
    static final FfmpegBinaries INSTANCE = extract();
  }

  /**
   * The extracted binaries. Throws {@link FfmpegUnavailableException} with the fix when the
   * natives cannot load (most often the system library libpulse.so.0 is missing).
   */
  public static FfmpegBinaries get() {
    return Holder.INSTANCE;
  }

  private static FfmpegBinaries extract() {
    try {
      return new FfmpegBinaries(
          Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class)),
          Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class)));
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      throw new FfmpegUnavailableException(
          "the bundled FFmpeg could not be loaded (" + e.getMessage() + "). On Debian/Ubuntu "
              + "install its one system dependency: apt-get install libpulse0", e);
    }
  }

  public Path ffmpeg() {
    return ffmpeg;
  }

  public Path ffprobe() {
    return ffprobe;
  }

  /**
   * A process builder for {@code ffmpeg} or {@code ffprobe} with the library path the extracted
   * executables need (their shared libraries sit beside them).
   */
  public ProcessBuilder command(Path executable, List<String> args) {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add(executable.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    String dir = executable.getParent().toString();
    String existing = builder.environment().get("LD_LIBRARY_PATH");
    builder.environment().put("LD_LIBRARY_PATH",
        existing == null || existing.isEmpty() ? dir : dir + ":" + existing);
    return builder;
  }

  /** First line of {@code ffmpeg -version}, e.g. "ffmpeg version 8.0.1 ...". */
  public String version() throws IOException, InterruptedException {
    Process process = command(ffmpeg, List.of("-hide_banner", "-version"))
        .redirectErrorStream(true)
        .start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("ffmpeg -version did not finish in 30 s");
    }
    String text = new String(out, StandardCharsets.UTF_8).strip();
    if (process.exitValue() != 0) {
      throw new IOException("ffmpeg -version exited " + process.exitValue() + ": " + text);
    }
    return text.lines().findFirst().orElse("");
  }
}
