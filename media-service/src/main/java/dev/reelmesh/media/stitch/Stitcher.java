package dev.reelmesh.media.stitch;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.media.ffmpeg.FfmpegException;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.ffmpeg.OutputFile;
import dev.reelmesh.media.ffmpeg.Progress;
import dev.reelmesh.media.ffmpeg.UndecodableInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Joins segments: stream copy through the concat demuxer when it can, else one re-encode that
 * renders everything (stills' camera moves, transitions, captions, soundtrack, previews).
 */
public final class Stitcher {
  private final FfmpegRunner runner;

  public Stitcher(FfmpegRunner runner) {
    this.runner = runner;
  }

  public StitchOutcome stitch(StitchSpec spec, Cancellation cancel,
      Consumer<Progress> progress) {
    PreviewGraph previews = PreviewGraph.build(spec);
    List<OutputFile> previewFiles = new ArrayList<>();
    try (OutputFile out = new OutputFile(spec.output())) {
      if (previews != null) {
        previews.previews.forEach(p -> previewFiles.add(new OutputFile(p.target())));
      }
      StitchOutcome outcome = StreamCopyCheck.possible(spec)
          ? copy(spec, out.temp(), cancel, progress)
          : reencode(spec, previews, previewFiles, out.temp(), cancel, progress);
      out.commit();
      Map<Integer, Path> written = new TreeMap<>();
      for (int k = 0; k < previewFiles.size(); k++) {
        written.put(previews.previews.get(k).segment(), previewFiles.get(k).commit());
      }
      return new StitchOutcome(spec.output(), outcome.durationSeconds(), outcome.streamCopied(),
          outcome.transitions(), outcome.log(), written);
    } finally {
      previewFiles.forEach(OutputFile::close);
    }
  }

  private StitchOutcome reencode(StitchSpec spec, PreviewGraph previews,
      List<OutputFile> previewFiles, Path temp, Cancellation cancel,
      Consumer<Progress> progress) {
    StitchGraph graph = StitchGraph.build(spec);
    AudioOverride sound = spec.audio();
    // -xerror: an input that fails to decode part-way stops the run rather than being
    // concealed (frozen or grey frames) in the output; see UndecodableInput.
    List<String> args = new ArrayList<>(List.of("-xerror"));
    if (sound != null) {
      // A meter among the extra outputs prints its summary at info level.
      args.addAll(List.of("-loglevel", "info"));
    }
    args.addAll(graph.inputs);
    if (sound != null) {
      args.addAll(sound.inputs());
    }
    args.addAll(List.of("-filter_complex", graph.graph));
    if (sound != null) {
      // A graph of its own: FFmpeg runs each filter graph on its own thread, so the sound is
      // processed beside the picture instead of taking turns with xfade on one thread.
      args.addAll(List.of("-filter_complex", sound.graph()));
    }
    if (previews != null) {
      args.addAll(List.of("-filter_complex", previews.graph));
    }
    args.addAll(List.of("-map", "[vout]", "-map", "[aout]", "-r", Encoders.num(spec.fps())));
    args.addAll(Encoders.h264(spec.width(), spec.height(), spec.fps()));
    args.addAll(Encoders.aac());
    args.addAll(List.of("-movflags", "+faststart", temp.toString()));
    for (int k = 0; k < previewFiles.size(); k++) {
      args.addAll(previews.output(previews.previews.get(k), spec.fps(),
          previewFiles.get(k).temp()));
    }
    if (sound != null) {
      args.addAll(sound.extraOutputs());
    }
    try {
      String log = runner.ffmpeg("stitch", args, cancel, progress);
      return new StitchOutcome(temp, graph.seconds, false, graph.transitions, log, Map.of());
    } catch (FfmpegException e) {
      throw UndecodableInput.of(e, graph.inputFields);
    }
  }

  private StitchOutcome copy(StitchSpec spec, Path temp, Cancellation cancel,
      Consumer<Progress> progress) {
    Path list = temp.resolveSibling(temp.getFileName() + ".concat.txt");
    try {
      StringBuilder text = new StringBuilder("ffconcat version 1.0\n");
      double seconds = 0;
      for (StitchClip clip : spec.clipsOnly().orElseThrow()) {
        // The concat list quotes with '...'; a quote inside a path is written '\''.
        text.append("file '").append(clip.path().toString().replace("'", "'\\''"))
            .append("'\n");
        seconds += clip.info().durationSeconds();
      }
      Files.writeString(list, text);
      runner.ffmpeg("stitch (stream copy)", List.of("-f", "concat", "-safe", "0", "-i",
          list.toString(), "-map", "0", "-c", "copy", "-movflags", "+faststart",
          temp.toString()), cancel, progress);
      return new StitchOutcome(temp, seconds, true, 0, "", Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the concat list " + list, e);
    } finally {
      try {
        Files.deleteIfExists(list);
      } catch (IOException ignored) {
        // A stray list file is harmless; the temp name marks it.
      }
    }
  }
}
