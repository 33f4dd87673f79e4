package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.v1.AnalyzeMusicRequest;
import dev.reelmesh.v1.AnalyzeMusicResponse;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.LyricLine;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.MusicTiming;
import dev.reelmesh.v1.PlanScriptRequest;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A music video's timing for the plan: the user's music file analysed by the media service
 * (tempo, beats, bars, energy per beat), cut to the video's length, and the job's lyrics; the
 * planner snaps clip boundaries to them. Music with no steady beat, or an analysis that fails,
 * leaves the plan untimed and says so.
 */
public final class MusicCut {
  /** Below this the media service's beat times are a guess (AnalyzeMusicResponse). */
  static final double MIN_CONFIDENCE = 0.3;

  private MusicCut() {}

  /** Where in the plan's band the music is analysed, before the planner is asked. */
  static final double ANALYSED = 0.2;

  /** Adds the music's timing and the job's lyrics to the plan request. */
  static void apply(JobContext ctx, PlanScriptRequest.Builder request) {
    ctx.reach(ANALYSED);
    JobSpec spec = ctx.spec.spec();
    double duration = spec.getDurationSeconds();
    if (spec.getMusic().hasFile()) {
      timing(ctx, spec, duration).ifPresent(request::setMusic);
    }
    request.addAllLyrics(lyrics(ctx, spec.getLyricsList(), duration));
  }

  private static java.util.Optional<MusicTiming> timing(JobContext ctx, JobSpec spec,
      double duration) {
    AnalyzeMusicResponse music;
    try {
      music = analyse(ctx.channels.media(), spec);
    } catch (StatusRuntimeException e) {
      if (ctx.job.cancelRequested()) {
        throw e;
      }
      ctx.fallback("music_timing", "clips cut to the music's beats",
          "clips timed without the music", "MediaService.AnalyzeMusic: "
              + e.getStatus().getCode() + ": " + e.getStatus().getDescription(), -1);
      return java.util.Optional.empty();
    }
    java.util.Optional<MusicTiming> timing = timing(music, duration);
    if (timing.isEmpty()) {
      ctx.warn("music_without_beat", String.format(Locale.ROOT,
          "music: no steady beat found (tempo confidence %.2f < %.2f); clips are not cut to it",
          music.getTempoConfidence(), MIN_CONFIDENCE));
      return timing;
    }
    ctx.event(String.format(Locale.ROOT,
        "music: %.1f BPM (confidence %.2f), %d beats and %d bars in the first %.1f s; cutting"
            + " the clips to them", music.getTempoBpm(), music.getTempoConfidence(),
        timing.get().getBeatSecondsCount(), timing.get().getBarSecondsCount(), duration));
    return timing;
  }

  private static AnalyzeMusicResponse analyse(io.grpc.Channel media, JobSpec spec) {
    return MediaServiceGrpc.newBlockingStub(media).withDeadlineAfter(2, TimeUnit.MINUTES)
        .analyzeMusic(AnalyzeMusicRequest.newBuilder().setMusic(spec.getMusic().getFile())
            .build());
  }

  /** The beats and bars within the video, or none when the music has no steady beat. */
  private static java.util.Optional<MusicTiming> timing(AnalyzeMusicResponse music,
      double duration) {
    if (music.getTempoConfidence() < MIN_CONFIDENCE) {
      return java.util.Optional.empty();
    }
    MusicTiming.Builder timing = MusicTiming.newBuilder().setTempoBpm(music.getTempoBpm());
    for (int i = 0; i < music.getBeatSecondsCount(); i++) {
      // The planner takes beats inside the video only; the song may run on past it.
      if (music.getBeatSeconds(i) <= duration) {
        timing.addBeatSeconds(music.getBeatSeconds(i));
        if (music.getBeatEnergyCount() == music.getBeatSecondsCount()) {
          timing.addBeatEnergy((float) Math.max(0, Math.min(1, music.getBeatEnergy(i))));
        }
      }
    }
    music.getBarSecondsList().stream().filter(t -> t <= duration).forEach(timing::addBarSeconds);
    return java.util.Optional.of(timing.build());
  }

  /**
   * The same timing and lyrics for a dry run's plan (EstimateCost, SubmitJob's refusal), so a
   * music video is priced with the clips its beats make. An analysis that fails prices the
   * untimed plan the job would fall back to, and {@code warn} is told so.
   */
  public static void applyForDryRun(JobSpec spec, io.grpc.Channel media,
      PlanScriptRequest.Builder request, java.util.function.Consumer<String> warn) {
    double duration = spec.getDurationSeconds();
    if (spec.getMusic().hasFile()) {
      try {
        timing(analyse(media, spec), duration).ifPresent(request::setMusic);
      } catch (StatusRuntimeException e) {
        warn.accept("the music could not be analysed (MediaService.AnalyzeMusic: "
            + e.getStatus().getCode() + ": " + e.getStatus().getDescription() + "): priced "
            + "with clips not cut to it, as the job would fall back to");
      }
    }
    request.addAllLyrics(within(spec.getLyricsList(), duration));
  }

  /** The lines sung within the video: later ones are dropped, ends cut at its length. */
  static List<LyricLine> lyrics(JobContext ctx, List<LyricLine> lines, double duration) {
    List<LyricLine> kept = within(lines, duration);
    int dropped = lines.size() - kept.size();
    if (dropped > 0) {
      ctx.warn("lyrics_after_end", String.format(Locale.ROOT,
          "lyrics: %d of %d lines start after the video's %.1f s and are left out", dropped,
          lines.size(), duration));
    }
    return kept;
  }

  private static List<LyricLine> within(List<LyricLine> lines, double duration) {
    List<LyricLine> kept = new ArrayList<>();
    for (LyricLine line : lines) {
      boolean timed = line.getStartSeconds() != 0 || line.getEndSeconds() != 0;
      if (timed && line.getStartSeconds() >= duration) {
        continue;
      }
      kept.add(timed && line.getEndSeconds() > duration
          ? line.toBuilder().setEndSeconds(duration).build() : line);
    }
    return kept;
  }
}
