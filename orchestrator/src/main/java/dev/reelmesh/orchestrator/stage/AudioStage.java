package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.EngineInfo;
import dev.reelmesh.v1.NarrationSegment;
import dev.reelmesh.v1.PlannedClip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audio stage: narration lines spoken per clip (or captions only, said so). */
final class AudioStage {
  private AudioStage() {}

  static List<NarrationSegment> run(JobContext ctx) {
    List<NarrationSegment> segments = new ArrayList<>();
    ctx.progress(0, "narration and music");
    if (!ctx.spec.narration()) {
      ctx.progress(1, "narration off");
      return segments;
    }
    Optional<String> unavailable = ctx.providers.speech().unavailableReason();
    boolean speak = unavailable.isEmpty();
    if (!speak) {
      ctx.warn("no_speech_engine", unavailable.get());
      ctx.fallback("speech", ctx.providers.speech().name(),
          "captions only", unavailable.get(), -1);
    }
    int n = ctx.plan.getClipsCount();
    for (int i = 0; i < n; i++) {
      ctx.checkCancelled();
      PlannedClip clip = ctx.plan.getClips(i);
      if (clip.getNarration().isBlank()) {
        continue;
      }
      NarrationSegment.Builder segment = NarrationSegment.newBuilder()
          .setStartSeconds(clip.getStartSeconds())
          .setText(clip.getNarration())
          .setDurationSeconds(clip.getEndSeconds() - clip.getStartSeconds());
      if (speak) {
        segment.setAudio(speakLine(ctx, i, clip.getNarration()));
      }
      segments.add(segment.build());
      ctx.progress((i + 1.0) / n, "narration for clip " + (i + 1));
    }
    ctx.engines.put("speech", EngineInfo.newBuilder().setEngine(speak
        ? ctx.providers.speech().name() : "captions-only").setFallback(!speak)
        .setFallbackReason(unavailable.orElse("")).build());
    return segments;
  }

  private static ArtifactRef speakLine(JobContext ctx, int clip, String text) {
    // Reworded narration gets a new key; the first keeps the original one.
    int generation = ctx.generations.narration(clip);
    String name = "narration-" + clip + (generation == 0 ? "" : "-g" + generation);
    return ctx.memo().remember(name, ArtifactRef.parser(), () -> {
      Path wav = ctx.file("audio/" + name + ".wav");
      try {
        ctx.providers.speech().speak(text, wav);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw io.grpc.Status.INTERNAL.withDescription("narration for clip " + (clip + 1) + ": "
            + e.getMessage()).withCause(e).asRuntimeException();
      }
      return ctx.artifacts.describe(wav, "audio/wav");
    });
  }
}
