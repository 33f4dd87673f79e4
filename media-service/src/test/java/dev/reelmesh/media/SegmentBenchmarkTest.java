package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.server.BlockingCalls;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.media.ffmpeg.Encoders;
import dev.reelmesh.media.ffmpeg.FfmpegBinaries;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.probe.Prober;
import dev.reelmesh.v1.CaptionOptions;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.MusicBed;
import dev.reelmesh.v1.NarrationSegment;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.StillMotion;
import dev.reelmesh.v1.StitchAudio;
import dev.reelmesh.v1.StitchEvent;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchResult;
import dev.reelmesh.v1.StitchSegment;
import dev.reelmesh.v1.Transition;
import dev.reelmesh.v1.TransitionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one-encode benchmark of docs/bench/media.md: an offline 30 s 1280x720 job's final video
 * from 8 stills with camera moves, against one hand-written ffmpeg command and against today's
 * path (8 motion clip files, then a stitch of them). Excluded from the default run (tag
 * "benchmark"). Leaves its inputs and two replayable shell scripts (hand.sh: the hand-written
 * command; service-final.sh: the exact final encode the service ran) in target/segment-bench.
 */
@Tag("benchmark")
class SegmentBenchmarkTest {
  private static final int RUNS = 3;
  private static final double FADE = 0.5;
  private static final double FPS = 24;
  /** Push-in, pan, glide, static, pull-out, tilt, pan, blend (stills 7 → 8). */
  private static final Motion[] MOVES = {Motion.MOTION_ZOOM_IN, Motion.MOTION_PAN_LEFT,
      Motion.MOTION_GLIDE, Motion.MOTION_STATIC, Motion.MOTION_ZOOM_OUT, Motion.MOTION_PAN_UP,
      Motion.MOTION_PAN_RIGHT, Motion.MOTION_BLEND};
  /** Caption cues (start, seconds, text); the first two are voiced by n0.wav and n1.wav. */
  private static final Object[][] CUES = {{2.0, 3.0, "Morning light fills the valley."},
      {15.0, 3.0, "The kettle sings on the stove."}, {5.5, 2.5, "A slow pour."},
      {9.0, 2.5, "Steam curls upward."}, {12.0, 2.5, "Warm ceramic in the hand."},
      {19.0, 2.5, "The first sip."}, {23.0, 2.5, "A quiet moment."},
      {26.5, 2.5, "Every morning, better."}};

  private final Path bench = Path.of("target", "segment-bench").toAbsolutePath();
  private final Path root = bench.resolve("root");
  private final List<String> finalCommand = new ArrayList<>();

  /** 100 or 101 frames a shot: 804 frames − 7 dissolves of 12 = 720 frames = 30 s exactly. */
  private static int frames(int i) {
    return i % 2 == 0 ? 100 : 101;
  }

  @Test
  void benchmark() throws Exception {
    for (int i = 0; i <= MOVES.length; i++) {
      Scenes.draw(root.resolve("in/s" + i + ".png"), 1280, 720, 100 + i);
    }
    TestMedia.tone(root.resolve("in/n0.wav"), 1000, 3, -12);
    TestMedia.tone(root.resolve("in/n1.wav"), 1200, 3, -12);
    FfmpegRunner runner = new FfmpegRunner(FfmpegBinaries::get, this::capture);
    MediaConfig config = new MediaConfig(root, 2, 1L << 30, Fonts.find().orElseThrow());
    Toolkit kit = new Toolkit(new ArtifactStore(root), runner, new Prober(runner), config);
    List<Double> service = new ArrayList<>();
    List<Double> hand = new ArrayList<>();
    List<Double> today = new ArrayList<>();
    StitchResult last = null;
    try (InProcessService mesh = InProcessService.start(
        new MediaGrpcService(kit, new Jobs(new BlockingCalls("media-benchmark", 2,
            MediaServices.QUEUED_JOBS, MediaServices.DEFAULT_DEADLINE))))) {
      var stub = MediaServiceGrpc.newBlockingStub(mesh.channel());
      List<String> handArgs = handWritten();
      List<String> script = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y",
          "-loglevel", "error"));
      script.addAll(handArgs);
      writeScript(bench.resolve("hand.sh"), script);
      for (int run = 0; run < RUNS; run++) {
        long t0 = System.nanoTime();
        last = stitch(stub, segments(), "out/final.mp4");
        service.add(seconds(t0));
        t0 = System.nanoTime();
        TestMedia.RUNNER.ffmpeg("hand-written", handArgs, dev.reelmesh.media.ffmpeg.Cancellation
            .none(), null);
        hand.add(seconds(t0));
        t0 = System.nanoTime();
        todaysPath(stub);
        today.add(seconds(t0));
      }
    }
    replayScript();
    assertThat(last.getDurationSeconds()).isCloseTo(30, within(1 / FPS));
    assertThat(Levels.integratedLufs(root.resolve("out/final.mp4"))).isCloseTo(-14, within(1.0));
    assertThat(TestMedia.probe(root.resolve("out/hand.mp4")).durationSeconds())
        .isCloseTo(30, within(1 / FPS));
    String report = String.format(Locale.ROOT, """
        | figure | median of %d (s) |
        |---|---|
        | service: one Stitch, 8 still segments + moves, 7 dissolves, captions, mix, 2-pass loudness | %.2f |
        | one hand-written ffmpeg command, same stills, moves, captions and mix (1-pass loudnorm) | %.2f |
        | ratio service / hand (median of pair ratios) | %.3f |
        | today's path: 8 RenderMotionClip (pool 2) + Stitch of the clips with the same audio | %.2f |
        | ratio today / service (median of pair ratios) | %.2f |
        final.mp4: %.2f s, %.2f Mb/s video+audio, %.2f LUFS
        runs: service %s hand %s today %s
        """, RUNS, median(service), median(hand), medianRatio(service, hand), median(today),
        medianRatio(today, service), last.getDurationSeconds(),
        last.getProbe().getBitRate() / 1e6, last.getLoudness().getIntegratedLufs(), service,
        hand, today);
    System.out.println(report);
    Files.writeString(bench.resolve("media-segment-bench.md"), report);
  }

  private StitchResult stitch(MediaServiceGrpc.MediaServiceBlockingStub stub,
      StitchRequest.Builder timeline, String output) {
    List<StitchEvent> events = new ArrayList<>();
    stub.withDeadlineAfter(5, TimeUnit.MINUTES).stitch(timeline.setOutputPath(output)
        .setWidth(1280).setHeight(720).setFps(FPS).setAudio(audio()).build())
        .forEachRemaining(events::add);
    return events.get(events.size() - 1).getResult();
  }

  private StitchRequest.Builder segments() {
    StitchRequest.Builder r = dissolves();
    for (int i = 0; i < MOVES.length; i++) {
      StillMotion.Builder still = StillMotion.newBuilder().setMotion(MOVES[i])
          .setStartFrame(MediaTestBase.ref("in/s" + i + ".png"));
      if (MOVES[i] == Motion.MOTION_BLEND) {
        still.setEndFrame(MediaTestBase.ref("in/s" + (i + 1) + ".png"));
      }
      r.addSegments(StitchSegment.newBuilder().setStill(still)
          .setDurationSeconds(frames(i) / FPS));
    }
    return r;
  }

  private static StitchRequest.Builder dissolves() {
    StitchRequest.Builder r = StitchRequest.newBuilder();
    for (int i = 1; i < MOVES.length; i++) {
      r.addTransitions(Transition.newBuilder().setKind(TransitionKind.TRANSITION_KIND_DISSOLVE)
          .setDurationSeconds(FADE));
    }
    return r;
  }

  private static StitchAudio audio() {
    StitchAudio.Builder a = StitchAudio.newBuilder().setMusic(MusicBed.newBuilder()
        .setGenerate(true)).setCaptions(CaptionOptions.newBuilder().setBurnIn(true));
    for (int k = 0; k < CUES.length; k++) {
      NarrationSegment.Builder n = NarrationSegment.newBuilder()
          .setStartSeconds((double) CUES[k][0]).setText((String) CUES[k][2]);
      if (k < 2) {
        n.setAudio(MediaTestBase.ref("in/n" + k + ".wav"));
      } else {
        n.setDurationSeconds((double) CUES[k][1]);
      }
      a.addNarration(n);
    }
    return a.build();
  }

  /** Eight clip files rendered at once (the pool runs two), then one stitch of them. */
  private void todaysPath(MediaServiceGrpc.MediaServiceBlockingStub stub) throws Exception {
    List<CompletableFuture<?>> calls = new ArrayList<>();
    StitchRequest.Builder clips = dissolves();
    for (int i = 0; i < MOVES.length; i++) {
      RenderMotionClipRequest.Builder r = RenderMotionClipRequest.newBuilder()
          .setStartFrame(MediaTestBase.ref("in/s" + i + ".png")).setMotion(MOVES[i])
          .setDurationSeconds(frames(i) / FPS).setOutputPath("today/c" + i + ".mp4");
      if (MOVES[i] == Motion.MOTION_BLEND) {
        r.setEndFrame(MediaTestBase.ref("in/s" + (i + 1) + ".png"));
      }
      calls.add(CompletableFuture.runAsync(() -> stub.renderMotionClip(r.build())));
      clips.addClips(MediaTestBase.ref("today/c" + i + ".mp4"));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    StitchResult r = stitch(stub, clips, "out/today.mp4");
    assertThat(r.getDurationSeconds()).isCloseTo(30, within(1 / FPS));
  }

  /**
   * What an FFmpeg user writes by hand for the same video: each still moved by its own zoompan
   * (at twice the size, for smooth motion) or looped, the dissolves, drawtext captions, and the
   * mix of HandMix with one-pass loudnorm.
   */
  private List<String> handWritten() throws Exception {
    List<String> args = new ArrayList<>();
    for (int i = 0; i <= MOVES.length; i++) {
      args.addAll(List.of("-framerate", "24", "-i", root.resolve("in/s" + i + ".png")
          .toString()));
    }
    args.addAll(List.of("-i", root.resolve("in/n0.wav").toString(), "-i",
        root.resolve("in/n1.wav").toString()));
    String c = "iw/2-(iw/zoom/2)";
    String m = "ih/2-(ih/zoom/2)";
    StringBuilder g = new StringBuilder();
    for (int i = 0; i < MOVES.length; i++) {
      int n = frames(i);
      String p = "on/" + (n - 1);
      String zp = switch (MOVES[i]) {
        case MOTION_ZOOM_IN -> zoompan("1+0.2*" + p, c, m, n);
        case MOTION_ZOOM_OUT -> zoompan("1.2-0.2*" + p, c, m, n);
        case MOTION_PAN_LEFT -> zoompan("1.2", "(iw-iw/zoom)*(1-" + p + ")", m, n);
        case MOTION_PAN_RIGHT -> zoompan("1.2", "(iw-iw/zoom)*" + p, m, n);
        case MOTION_PAN_UP -> zoompan("1.2", c, "(ih-ih/zoom)*(1-" + p + ")", n);
        case MOTION_GLIDE -> zoompan("1.12+0.08*" + p, "(iw-iw/zoom)*(0.15+0.7*" + p + ")", m, n);
        default -> null;
      };
      if (zp != null) {
        g.append("[").append(i).append(":v]scale=2560:1440,").append(zp);
      } else if (MOVES[i] == Motion.MOTION_STATIC) {
        g.append("[").append(i).append(":v]loop=loop=").append(n - 1).append(":size=1:start=0");
      } else {
        g.append("[").append(i).append(":v]loop=loop=").append(n - 1).append(":size=1[ba];[")
            .append(i + 1).append(":v]loop=loop=").append(n - 1).append(":size=1[bb];[ba][bb]")
            .append("xfade=transition=fade:duration=").append(Encoders.num(n / FPS))
            .append(":offset=0,zoompan=z='1+0.08*on/").append(n - 1).append("':x='").append(c)
            .append("':y='").append(m).append("':d=1:s=1280x720:fps=24");
      }
      g.append(",format=yuv420p,settb=AVTB[s").append(i).append("];");
    }
    String prev = "s0";
    double length = frames(0) / FPS;
    for (int i = 1; i < MOVES.length; i++) {
      g.append("[").append(prev).append("][s").append(i).append("]xfade=transition=fade:")
          .append("duration=").append(FADE).append(":offset=").append(Encoders.num(length - FADE))
          .append("[x").append(i).append("];");
      prev = "x" + i;
      length += frames(i) / FPS - FADE;
    }
    String font = Fonts.find().orElseThrow().toString();
    g.append("[").append(prev).append("]");
    for (int k = 0; k < CUES.length; k++) {
      Path text = bench.resolve("cue" + k + ".txt");
      Files.writeString(text, (String) CUES[k][2]);
      double from = (double) CUES[k][0];
      g.append(k == 0 ? "" : ",").append("drawtext=fontfile=").append(font).append(":textfile=")
          .append(text).append(":fontsize=40:fontcolor=white:borderw=2:bordercolor=black@0.8")
          .append(":x=(w-text_w)/2:y=h-text_h-40:enable='between(t\\,")
          .append(Encoders.num(from)).append("\\,").append(Encoders.num(from
              + (double) CUES[k][1])).append(")'");
    }
    int n0 = MOVES.length + 1;
    g.append("[v];").append(HandMix.graph(n0, n0 + 1, length));
    args.addAll(List.of("-filter_complex", g.toString(), "-map", "[v]", "-map", "[a]"));
    args.addAll(Encoders.h264(1280, 720, FPS));
    args.addAll(Encoders.aac());
    args.addAll(List.of("-movflags", "+faststart", root.resolve("out/hand.mp4").toString()));
    return args;
  }

  private static String zoompan(String z, String x, String y, int frames) {
    return "zoompan=z='" + z + "':x='" + x + "':y='" + y + "':d=" + frames
        + ":s=1280x720:fps=24";
  }

  /** Keeps the service's last final encode (the one "stitch" step with still segments). */
  private void capture(String what, List<String> command) {
    if (what.equals("stitch") && command.stream().anyMatch(a -> a.endsWith("s0.png"))) {
      synchronized (finalCommand) {
        finalCommand.clear();
        finalCommand.addAll(command);
        BenchReplay.keepWorkFiles(command, bench.resolve("replay"));
      }
    }
  }

  private void replayScript() throws Exception {
    synchronized (finalCommand) {
      writeScript(bench.resolve("service-final.sh"), BenchReplay.rewrite(finalCommand,
          bench.resolve("replay"), root.resolve("out/replay.mp4")));
    }
  }

  private static void writeScript(Path file, List<String> args) throws Exception {
    Path ffmpeg = FfmpegBinaries.get().ffmpeg();
    StringBuilder s = new StringBuilder("#!/bin/sh\n# written by SegmentBenchmarkTest\n")
        .append("LD_LIBRARY_PATH=").append(ffmpeg.getParent()).append(" exec ").append(ffmpeg);
    for (String a : args) {
      s.append(" '").append(a.replace("'", "'\\''")).append("'");
    }
    Files.writeString(file, s.append("\n"));
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double medianRatio(List<Double> a, List<Double> b) {
    List<Double> r = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      r.add(a.get(i) / b.get(i));
    }
    return median(r);
  }
}
