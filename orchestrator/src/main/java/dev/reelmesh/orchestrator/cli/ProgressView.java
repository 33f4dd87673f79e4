package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.Stage;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a job's events at the terminal: a progress bar per stage (the storyboard counts frames,
 * the clips stage counts clips), with fallbacks and warnings printed as lines. Without a terminal
 * it prints one plain line per event that matters.
 */
abstract class ProgressView implements AutoCloseable {
  abstract void accept(JobEvent event);

  @Override
  public void close() {}

  static ProgressView create(PrintWriter err, boolean plain) {
    return plain ? new Plain(err) : new Bars();
  }

  static String stageName(Stage stage) {
    return stage.name().replace("STAGE_", "").toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** One line per meaningful event. */
  static final class Plain extends ProgressView {
    private final PrintWriter err;

    Plain(PrintWriter err) {
      this.err = err;
    }

    @Override
    void accept(JobEvent event) {
      // Assembly progress arrives many times a second; the bar view shows it, lines skip it.
      if (event.getMessage().startsWith("assembling ") && event.getMessage().endsWith("%")) {
        return;
      }
      String marker = event.hasFallback() ? " FALLBACK" : event.hasWarning() ? " WARNING"
          : event.hasError() ? " ERROR" : "";
      err.printf(Locale.ROOT, "[%3.0f%%] %-12s%s %s%n", event.getPercent(),
          stageName(event.getStage()), marker, event.getMessage());
      err.flush();
    }
  }

  /** Progress bars on the terminal (System.err, where the bars library draws). */
  static final class Bars extends ProgressView {
    private Stage stage = Stage.STAGE_UNSPECIFIED;
    private ProgressBar bar;

    @Override
    void accept(JobEvent event) {
      if (event.getStage() != stage) {
        closeBar();
        stage = event.getStage();
        bar = new ProgressBarBuilder()
            .setTaskName(String.format("%-12s", stageName(stage)))
            .setInitialMax(100)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(100)
            .hideEta()
            .build();
      }
      double[] range = range(stage);
      double within = range[1] > range[0]
          ? (event.getPercent() - range[0]) / (range[1] - range[0]) * 100 : 100;
      bar.stepTo(Math.max(0, Math.min(100, Math.round(within))));
      bar.setExtraMessage(shorten(event.getMessage()));
      if (event.hasFallback() || event.hasWarning() || event.hasError()) {
        System.err.println();
        System.err.println((event.hasFallback() ? "  fallback: " : event.hasError()
            ? "  error: " : "  warning: ") + event.getMessage());
      }
    }

    private static String shorten(String message) {
      return message.length() > 48 ? message.substring(0, 47) + "…" : message;
    }

    static double[] range(Stage stage) {
      return switch (stage) {
        case STAGE_PLAN -> new double[] {0, 10};
        case STAGE_REFERENCES -> new double[] {10, 20};
        case STAGE_STORYBOARD -> new double[] {20, 40};
        case STAGE_CLIPS -> new double[] {40, 85};
        case STAGE_AUDIO -> new double[] {85, 92};
        case STAGE_ASSEMBLE -> new double[] {92, 100};
        default -> new double[] {0, 100};
      };
    }

    private void closeBar() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }

    @Override
    public void close() {
      closeBar();
    }
  }
}
