package dev.reelmesh.orchestrator.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.EnhanceTrace;
import dev.reelmesh.v1.EnhancePromptResponse;
import dev.reelmesh.v1.EnhancementTraced;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.TraceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The storyboard's writer/critic traces as job artifacts: per frame a folder
 * {@code traces/clipNN_start/} with the files the LLM service made (original prompt, each writer
 * output and critic verdict, the final prompt, its summary), and {@code traces/summary.json}
 * listing every frame. Each frame is also an {@code enhancement} event. They stay while the job
 * runs (a watcher can read them) and are removed when it ends, unless the job keeps them.
 */
final class EnhancementTraces {
  static final String DIR = "traces";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  /** The LLM service names the files; anything but a plain name is not written. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private EnhancementTraces() {}

  /** Writes one frame's trace and tells the watchers. */
  static void record(JobContext ctx, int clip, FrameKind kind, EnhancePromptResponse response) {
    String label = "clip " + (clip + 1) + " " + role(kind);
    if (!response.hasTrace()) {
      ctx.warn("no_enhancement_trace", label
          + ": the llm service returned no enhancement trace; nothing stored for this frame");
      return;
    }
    EnhanceTrace trace = response.getTrace();
    int generation = ctx.generations.frames(clip);
    String name = String.format("clip%02d_%s%s", clip + 1, role(kind),
        generation == 0 ? "" : "-g" + generation);
    String relative = ctx.path(DIR + "/" + name);
    try {
      Path dir = ctx.file(DIR + "/" + name);
      Files.createDirectories(dir);
      for (TraceFile file : trace.getFilesList()) {
        if (!PLAIN.matcher(file.getName()).matches() || file.getName().contains("..")) {
          ctx.warn("trace_file_refused", label
              + ": trace file name '" + file.getName() + "' is not a plain name; not written");
          continue;
        }
        Files.writeString(dir.resolve(file.getName()), file.getContent(), StandardCharsets.UTF_8);
      }
      Files.writeString(dir.resolve("summary.json"), trace.getSummaryJson(),
          StandardCharsets.UTF_8);
      writeSummary(ctx);
    } catch (IOException e) {
      // A trace is a diagnostic: failing to store it degrades, it does not fail the storyboard.
      ctx.warn("trace_not_stored", label
          + ": its enhancement trace could not be stored (" + e.getMessage() + ")");
      return;
    }
    boolean kept = ctx.spec.spec().getKeepTraces();
    EnhancementTraced event = EnhancementTraced.newBuilder().setClipIndex(clip).setFrame(kind)
        .setRounds(response.getRoundsCount()).setOriginalScore(trace.getOriginalScore())
        .setFinalScore(response.getFinalScore()).setStopReason(response.getStopReason())
        .setSummaryJson(trace.getSummaryJson()).setTraceDir(relative).setKept(kept).build();
    ctx.event(String.format(
        "%s: prompt enhanced in %d rounds (critic %d → %d, %s); trace in %s%s", label,
        event.getRounds(), event.getOriginalScore(), event.getFinalScore(),
        event.getStopReason(), relative, kept ? "" : " until the job ends"),
        e -> e.setEnhancement(event));
  }

  /** traces/summary.json: every frame's summary so far, in folder order. */
  private static void writeSummary(JobContext ctx) throws IOException {
    // Frames may be enhanced in parallel; one writer at a time per process is plenty.
    synchronized (EnhancementTraces.class) {
      Path root = ctx.file(DIR);
      ObjectNode summary = JSON.createObjectNode().put("job_id", ctx.job.id());
      ArrayNode frames = summary.putArray("frames");
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
          Path file = dir.resolve("summary.json");
          if (Files.isRegularFile(file)) {
            JsonNode frame = JSON.readTree(file.toFile());
            frames.addObject().put("trace_dir", dir.getFileName().toString())
                .set("summary", frame);
          }
        }
      }
      Files.writeString(root.resolve("summary.json"), JSON.writeValueAsString(summary),
          StandardCharsets.UTF_8);
    }
  }

  /** The job-wide summary when the job keeps its traces (for the result). */
  static Optional<ArtifactRef> keptSummary(JobContext ctx) {
    Path file = ctx.file(DIR + "/summary.json");
    if (!ctx.spec.spec().getKeepTraces() || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(ctx.artifacts.describe(file, "application/json"));
  }

  /**
   * When the job ends (succeeded, failed or cancelled), just BEFORE its final state is recorded,
   * so a watcher that sees the end never sees the traces: they go, unless the job keeps them. A
   * job waiting for approval or stopped by a shutdown has not ended, and keeps them.
   */
  static void beforeEnd(JobContext ctx) {
    if (ctx.spec.spec().getKeepTraces()) {
      return;
    }
    Path root = ctx.file(DIR);
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // The job has ended and its stream is closed: the log is the only place left to say so.
      System.getLogger(EnhancementTraces.class.getName()).log(System.Logger.Level.WARNING,
          "job " + ctx.job.id() + ": could not remove its enhancement traces in " + root, e);
    }
  }

  static String role(FrameKind kind) {
    return kind == FrameKind.FRAME_KIND_END ? "end" : "start";
  }
}
