package dev.reelmesh.media.ffmpeg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs the bundled {@code ffmpeg}/{@code ffprobe} as child processes: argument lists, never a
 * shell. Stderr is captured (its tail becomes the error message); stdout is either FFmpeg's
 * {@code -progress} stream or ffprobe's JSON. The child is registered with the job's
 * {@link Cancellation} so a cancelled call kills it.
 */
public final class FfmpegRunner {
  /** Keeps the memory bounded when a filter logs per frame. */
  private static final int MAX_CAPTURE = 4 * 1024 * 1024;

  private final java.util.function.Supplier<FfmpegBinaries> binaries;
  private final BiConsumer<String, List<String>> onStart;

  /** {@code binaries} is asked on each run, so extraction happens on first use. */
  public FfmpegRunner(java.util.function.Supplier<FfmpegBinaries> binaries) {
    this(binaries, (what, command) -> { });
  }

  /**
   * {@code onStart} sees each step's name and full ffmpeg command line before it runs (a
   * benchmark replays the exact command a call ran; diagnostics can log it).
   */
  public FfmpegRunner(java.util.function.Supplier<FfmpegBinaries> binaries,
      BiConsumer<String, List<String>> onStart) {
    this.binaries = binaries;
    this.onStart = onStart;
  }

  /**
   * Runs ffmpeg and returns its stderr. {@code progress} may be null; when given, progress
   * reports are parsed from stdout. {@code what} names the step in errors ("stitch").
   */
  public String ffmpeg(String what, List<String> args, Cancellation cancel,
      Consumer<Progress> progress) {
    List<String> full = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y"));
    if (!args.contains("-loglevel")) {
      full.addAll(List.of("-loglevel", "error"));
    }
    if (progress != null) {
      full.addAll(List.of("-progress", "pipe:1", "-nostats"));
    }
    full.addAll(args);
    ProgressParser parser = progress == null ? null : new ProgressParser(progress);
    onStart.accept(what, List.copyOf(full));
    Output out = run(what, binaries.get().ffmpeg(), full, cancel, parser == null ? null : parser::line);
    return out.stderr();
  }

  /** Runs ffprobe and returns its stdout. */
  public String ffprobe(String what, List<String> args, Cancellation cancel) {
    List<String> full = new ArrayList<>(List.of("-hide_banner", "-loglevel", "error"));
    full.addAll(args);
    return run(what, binaries.get().ffprobe(), full, cancel, null).stdout();
  }

  private record Output(String stdout, String stderr) {}

  private Output run(String what, Path exe, List<String> args, Cancellation cancel,
      Consumer<String> stdoutLines) {
    long started = System.nanoTime();
    String outcome = "error";
    try {
      Output out = runTimed(what, exe, args, cancel, stdoutLines);
      outcome = "ok";
      return out;
    } catch (CancellationException e) {
      outcome = "cancelled";
      throw e;
    } finally {
      // reelmesh_ffmpeg_runs_seconds{tool,outcome}: the tool, not `what` (it names clips).
      io.micrometer.core.instrument.Timer.builder("reelmesh.ffmpeg.runs")
          .description("FFmpeg and ffprobe runs and their wall time")
          .tag("tool", exe.getFileName().toString().replaceFirst("\\.exe$", ""))
          .tag("outcome", outcome).register(dev.reelmesh.common.observe.Metrics.registry())
          .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  private Output runTimed(String what, Path exe, List<String> args, Cancellation cancel,
      Consumer<String> stdoutLines) {
    cancel.check();
    Process process;
    try {
      process = binaries.get().command(exe, args).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + exe, e);
    }
    cancel.register(process);
    try {
      StringBuilder stderr = new StringBuilder();
      Thread errReader = new Thread(() -> capture(process.getErrorStream(), stderr, null),
          "ffmpeg-stderr");
      errReader.setDaemon(true);
      errReader.start();
      StringBuilder stdout = new StringBuilder();
      capture(process.getInputStream(), stdout, stdoutLines);
      int exit = process.waitFor();
      errReader.join();
      if (cancel.isCancelled()) {
        cancel.check();
      }
      String err;
      synchronized (stderr) {
        err = stderr.toString();
      }
      if (exit != 0) {
        throw new FfmpegException(what, exit, StderrReason.of(err), err);
      }
      return new Output(stdout.toString(), err);
    } catch (InterruptedException e) {
      Cancellation.killTree(process);
      Thread.currentThread().interrupt();
      throw new CancellationException(what + " interrupted");
    } finally {
      cancel.unregister(process);
      if (process.isAlive()) {
        Cancellation.killTree(process);
      }
    }
  }

  private static void capture(InputStream in, StringBuilder sink, Consumer<String> lines) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (lines != null) {
          lines.accept(line);
        }
        synchronized (sink) {
          if (sink.length() < MAX_CAPTURE) {
            sink.append(line).append('\n');
          }
        }
      }
    } catch (IOException e) {
      // The stream closes when the child is killed; what was read so far is kept.
    }
  }
}
