package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.v1.ClipReady;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.Stage;
import dev.reelmesh.v1.Warning;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal view as a person sees it: what is left on screen after the carriage returns. */
class ProgressViewTest {
  private static JobEvent event(Stage stage, double percent, String message) {
    return JobEvent.newBuilder().setStage(stage).setPercent(percent).setMessage(message).build();
  }

  /** The screen: each line as the last redraw after its final carriage return left it. */
  private static List<String> screen(String printed) {
    return Arrays.stream(printed.split("\n", -1)).map(line -> {
      String[] draws = line.split("\r", -1);
      return draws[draws.length - 1];
    }).toList();
  }

  @Test
  void barsKeepTheirWidthEndFullAndLeaveTheLastLineFree() {
    StringWriter text = new StringWriter();
    try (ProgressView view = ProgressView.create(new PrintWriter(text), false)) {
      view.accept(event(Stage.STAGE_PLAN, 2, "planning"));
      view.accept(event(Stage.STAGE_PLAN, 10, "plan ready: 2 clips with a much longer message"));
      view.accept(event(Stage.STAGE_CLIPS, 40, "rendering"));
      view.accept(JobEvent.newBuilder(event(Stage.STAGE_CLIPS, 62, "clip 1 ready (3.00 s)"))
          .setClipReady(ClipReady.newBuilder().setClipIndex(0)).build());
      view.accept(JobEvent.newBuilder(event(Stage.STAGE_CLIPS, 85, "clip 2 ready (3.00 s)"))
          .setClipReady(ClipReady.newBuilder().setClipIndex(1)).build());
      view.accept(JobEvent.newBuilder(event(Stage.STAGE_AUDIO, 86, "no speech engine"))
          .setWarning(Warning.newBuilder().setCode("no_speech_engine")).build());
      view.accept(event(Stage.STAGE_ASSEMBLE, 93, "assembling 10%"));
      view.accept(event(Stage.STAGE_ASSEMBLE, 99, "assembling 88%"));
      view.accept(JobEvent.newBuilder(event(Stage.STAGE_DELIVER, 100, "job succeeded"))
          .setResult(JobResult.getDefaultInstance()).build());
    }
    new PrintWriter(text, true).println("final.mp4 written");
    List<String> screen = screen(text.toString());
    List<String> bars = screen.stream().filter(l -> l.contains("[")).toList();
    assertThat(bars).extracting(String::length).containsOnly(bars.get(0).length());
    assertThat(bars).anySatisfy(l -> assertThat(l).startsWith("plan ").contains("100 %"));
    assertThat(bars).anySatisfy(l -> assertThat(l).startsWith("clips").contains("100 %"));
    assertThat(bars).anySatisfy(l -> assertThat(l).startsWith("assemble").contains("100 %")
        .contains("█".repeat(ProgressView.Bars.BAR)));
    assertThat(screen).contains("  clip: clip 1 ready (3.00 s)", "  clip: clip 2 ready (3.00 s)",
        "  warning: no speech engine", "final.mp4 written");
    assertThat(bars.get(bars.size() - 1)).startsWith("deliver").contains("job succeeded");
  }

  @Test
  void plainLinesSkipAssemblyTicksAndMarkWarnings() {
    StringWriter text = new StringWriter();
    ProgressView view = ProgressView.create(new PrintWriter(text), true);
    view.accept(event(Stage.STAGE_ASSEMBLE, 95, "assembling 40%"));
    view.accept(JobEvent.newBuilder(event(Stage.STAGE_AUDIO, 86, "no speech engine"))
        .setWarning(Warning.newBuilder()).build());
    view.accept(event(Stage.STAGE_DELIVER, 100, "job succeeded"));
    assertThat(text.toString().lines()).containsExactly(
        "[ 86%] audio        WARNING no speech engine", "[100%] deliver      job succeeded");
  }
}
