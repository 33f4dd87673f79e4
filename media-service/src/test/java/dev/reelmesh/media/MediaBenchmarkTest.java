package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.MusicBed;
import dev.reelmesh.v1.NarrationSegment;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.StitchAudio;
import dev.reelmesh.v1.StitchEvent;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchResult;
import dev.reelmesh.v1.Transition;
import dev.reelmesh.v1.TransitionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The media benchmark of docs/bench/media.md. Excluded from the default run (tag "benchmark");
 * run it with the command written there. Prints medians and ratios and writes them to
 * target/media-bench.md.
 */
@Tag("benchmark")
class MediaBenchmarkTest extends MediaTestBase {
  private static final int CLIPS = 8;
  private static final double CLIP_SECONDS = 4;
  private static final double FADE = 0.5;
  private static final int RUNS = 3;

  @Test
  void benchmark() throws Exception {
    // Animatic-like frames, not test patterns: they encode at the bitrate real jobs run at.
    for (int i = 0; i < CLIPS; i++) {
      Path still = Scenes.draw(at("bench/s" + i + ".png"), 1280, 720, 100 + i);
      TestMedia.sceneClip(at("bench/c" + i + ".mp4"), still, 1280, 720, 24, CLIP_SECONDS,
          200 + 40 * i);
    }
    TestMedia.tone(at("bench/n0.wav"), 1000, 3, -12);
    TestMedia.tone(at("bench/n1.wav"), 1200, 3, -12);
    Scenes.draw(at("bench/start.png"), 1280, 720, 200);
    Scenes.draw(at("bench/end.png"), 1280, 720, 201);
    double expected = CLIPS * CLIP_SECONDS - (CLIPS - 1) * FADE;

    List<Double> service = new ArrayList<>();
    List<Double> hand = new ArrayList<>();
    List<Double> stitchOnly = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      service.add(time(() -> {
        StitchResult r = servicePipeline();
        assertThat(r.getDurationSeconds()).isCloseTo(expected, within(1 / 24.0));
        assertThat(r.getLoudness().getIntegratedLufs()).isCloseTo(-14, within(1.0));
      }));
      hand.add(time(this::handWrittenCommand));
      stitchOnly.add(time(this::stitchWithoutSoundtrack));
    }
    assertThat(Levels.integratedLufs(at("bench/final.mp4"))).isCloseTo(-14, within(1.0));
    assertThat(TestMedia.probe(at("bench/hand.mp4")).durationSeconds())
        .isCloseTo(expected, within(1 / 24.0));

    List<Double> copy = new ArrayList<>();
    List<Double> reencode = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      copy.add(time(() -> assertThat(cutsOnly(false)).isTrue()));
      reencode.add(time(() -> assertThat(cutsOnly(true)).isFalse()));
    }
    List<Double> motion = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      motion.add(time(this::eightMotionClips));
    }

    double seconds = TestMedia.probe(at("bench/final.mp4")).durationSeconds();
    double megabits = Files.size(at("bench/final.mp4")) * 8 / seconds / 1e6;
    String report = String.format(Locale.ROOT, """
        final.mp4: %.2f s at %.2f Mb/s (clip c0.mp4: %.2f Mb/s)
        | figure | median of %d (s) |
        |---|---|
        | service: one Stitch with audio (7 dissolves, music, narration, 2-pass loudness) | %.2f |
        | one hand-written ffmpeg command, same work (1-pass loudnorm) | %.2f |
        | ratio service / hand | %.3f |
        | Stitch without audio (clips' own sound crossfaded) | %.2f |
        | cuts only, stream copy | %.2f |
        | cuts only, force_reencode | %.2f |
        | ratio re-encode / copy | %.1f |
        | 8 motion clips 4 s 1280x720 (4 blend + 4 zoom), pool 2 | %.2f |
        runs: service %s hand %s stitch-only %s copy %s reencode %s motion %s
        """, seconds, megabits, Files.size(at("bench/c0.mp4")) * 8 / CLIP_SECONDS / 1e6,
        RUNS, median(service), median(hand), median(service) / median(hand),
        median(stitchOnly), median(copy), median(reencode), median(reencode) / median(copy),
        median(motion), service, hand, stitchOnly, copy, reencode, motion);
    System.out.println(report);
    Files.writeString(Path.of("target", "media-bench.md"), report);
  }

  /** The finished video in one call: Stitch with the soundtrack, as the orchestrator makes it. */
  private StitchResult servicePipeline() {
    List<StitchEvent> events = new ArrayList<>();
    stub().stitch(dissolves("bench/final.mp4").setAudio(StitchAudio.newBuilder()
        .addNarration(NarrationSegment.newBuilder().setAudio(ref("bench/n0.wav"))
            .setStartSeconds(2))
        .addNarration(NarrationSegment.newBuilder().setAudio(ref("bench/n1.wav"))
            .setStartSeconds(15))
        .setMusic(MusicBed.newBuilder().setGenerate(true))).build())
        .forEachRemaining(events::add);
    return events.get(events.size() - 1).getResult();
  }

  /** The same stitch with the clips' own sound crossfaded: what the soundtrack adds. */
  private void stitchWithoutSoundtrack() {
    stub().stitch(dissolves("bench/stitched.mp4").build()).forEachRemaining(e -> { });
  }

  private StitchRequest.Builder dissolves(String output) {
    StitchRequest.Builder stitch = StitchRequest.newBuilder().setOutputPath(output);
    for (int i = 0; i < CLIPS; i++) {
      stitch.addClips(ref("bench/c" + i + ".mp4"));
      if (i > 0) {
        stitch.addTransitions(Transition.newBuilder()
            .setKind(TransitionKind.TRANSITION_KIND_DISSOLVE).setDurationSeconds(FADE));
      }
    }
    return stitch;
  }

  /** What an FFmpeg user writes by hand for the same result, in one command. */
  private void handWrittenCommand() {
    double length = CLIPS * CLIP_SECONDS - (CLIPS - 1) * FADE;
    List<String> args = new ArrayList<>();
    for (int i = 0; i < CLIPS; i++) {
      args.addAll(List.of("-i", at("bench/c" + i + ".mp4").toString()));
    }
    args.addAll(List.of("-i", at("bench/n0.wav").toString(), "-i", at("bench/n1.wav").toString()));
    StringBuilder g = new StringBuilder();
    String prev = "0:v";
    for (int i = 1; i < CLIPS; i++) {
      g.append("[").append(prev).append("][").append(i).append(":v]xfade=transition=fade:")
          .append("duration=").append(FADE).append(":offset=")
          .append(Encoders.num(i * (CLIP_SECONDS - FADE))).append("[x").append(i).append("];");
      prev = "x" + i;
    }
    g.append(HandMix.graph(8, 9, length));
    args.addAll(List.of("-filter_complex", g.toString(), "-map", "[" + prev + "]", "-map",
        "[a]"));
    args.addAll(Encoders.h264(1280, 720, 24));
    args.addAll(Encoders.aac());
    args.addAll(List.of("-movflags", "+faststart", at("bench/hand.mp4").toString()));
    TestMedia.RUNNER.ffmpeg("hand-written command", args, Cancellation.none(), null);
  }

  private boolean cutsOnly(boolean force) {
    StitchRequest.Builder r = StitchRequest.newBuilder().setForceReencode(force)
        .setOutputPath("bench/cuts.mp4");
    for (int i = 0; i < CLIPS; i++) {
      r.addClips(ref("bench/c" + i + ".mp4"));
    }
    List<StitchEvent> events = new ArrayList<>();
    stub().stitch(r.build()).forEachRemaining(events::add);
    return events.get(events.size() - 1).getResult().getStreamCopied();
  }

  /** Eight calls at once, as the orchestrator makes them; the pool runs two at a time. */
  private void eightMotionClips() throws Exception {
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (int i = 0; i < CLIPS; i++) {
      RenderMotionClipRequest.Builder r = RenderMotionClipRequest.newBuilder()
          .setStartFrame(ref("bench/start.png")).setDurationSeconds(CLIP_SECONDS)
          .setOutputPath("bench/motion" + i + ".mp4");
      if (i % 2 == 0) {
        r.setEndFrame(ref("bench/end.png"));
      } else {
        r.setMotion(Motion.MOTION_ZOOM_IN);
      }
      calls.add(CompletableFuture.runAsync(() -> stub().renderMotionClip(r.build())));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
  }

  private interface Work {
    void run() throws Exception;
  }

  private static double time(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
