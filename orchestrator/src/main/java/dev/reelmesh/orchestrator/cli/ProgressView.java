package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.Stage;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a job's events at the terminal. {@link Bars}: one fixed-width bar per stage, redrawn in
 * place, finished at 100 % when the next stage starts; clips, fallbacks, warnings and errors get
 * a line of their own above it. {@link Plain} (no terminal, or --plain): one line per event.
 * Either way whatever is printed after {@link #close()} starts on a line of its own.
 */
abstract class ProgressView implements AutoCloseable {
  abstract void accept(JobEvent event);

  @Override
  public void close() {}

  static ProgressView create(PrintWriter err, boolean plain) {
    return plain ? new Plain(err) : new Bars(err);
  }

  static String stageName(Stage stage) {
    return stage.name().replace("STAGE_", "").toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Events that deserve a line of their own, and how that line is marked. */
  static String marker(JobEvent event) {
    return event.hasFallback() ? "fallback" : event.hasWarning() ? "warning"
        : event.hasError() ? "error" : event.hasClipReady() ? "clip" : null;
  }

  /** Many-times-a-second assembly progress: bars show it, lines skip it. */
  static boolean isTick(JobEvent event) {
    return event.getMessage().startsWith("assembling ") && event.getMessage().endsWith("%");
  }

  /** One line per meaningful event. */
  static final class Plain extends ProgressView {
    private final PrintWriter err;

    Plain(PrintWriter err) {
      this.err = err;
    }

    @Override
    void accept(JobEvent event) {
      if (isTick(event)) {
        return;
      }
      String marker = marker(event);
      err.printf(Locale.ROOT, "[%3.0f%%] %-12s%s %s%n", event.getPercent(),
          stageName(event.getStage()), marker == null || marker.equals("clip") ? ""
              : " " + marker.toUpperCase(Locale.ROOT), event.getMessage());
      err.flush();
    }
  }

  /** Fixed-width bars drawn with carriage returns on the given writer. */
  static final class Bars extends ProgressView {
    static final int BAR = 24;
    static final int MESSAGE = 30;
    private final PrintWriter err;
    private Stage stage = Stage.STAGE_UNSPECIFIED;
    private int percent;
    private String message = "";
    private boolean drawn;

    Bars(PrintWriter err) {
      this.err = err;
    }

    @Override
    void accept(JobEvent event) {
      if (event.getStage() != stage) {
        if (drawn && event.getStage().getNumber() > stage.getNumber()) {
          percent = 100; // the stage is over: its bar ends full, not at its last tick
          draw();
        }
        endLine();
        stage = event.getStage();
        percent = 0;
      }
      percent = Math.max(percent, within(stage, event.getPercent()));
      if (event.hasResult()) {
        percent = 100;
      }
      String marker = marker(event);
      if (marker != null) {
        clearLine();
        err.println("  " + marker + ": " + event.getMessage());
      } else if (!event.getMessage().isEmpty()) {
        message = event.getMessage();
      }
      draw();
    }

    /** The line as drawn: every part padded or cut to its width, so it never changes size. */
    static String line(Stage stage, int percent, String message) {
      int filled = Math.round(percent * BAR / 100f);
      String text = message.length() > MESSAGE ? message.substring(0, MESSAGE - 1) + "…"
          : message;
      return String.format(Locale.ROOT, "%-12s [%s%s] %3d %%  %-" + MESSAGE + "s",
          stageName(stage), "█".repeat(filled), "░".repeat(BAR - filled), percent, text);
    }

    /** Percent of the stage's own range (the stream reports the job's). */
    static int within(Stage stage, double jobPercent) {
      double[] range = switch (stage) {
        case STAGE_PLAN -> new double[] {0, 10};
        case STAGE_REFERENCES -> new double[] {10, 20};
        case STAGE_STORYBOARD -> new double[] {20, 40};
        case STAGE_CLIPS -> new double[] {40, 85};
        case STAGE_AUDIO -> new double[] {85, 92};
        case STAGE_ASSEMBLE -> new double[] {92, 100};
        default -> new double[] {0, 100};
      };
      double share = (jobPercent - range[0]) / (range[1] - range[0]) * 100;
      return (int) Math.max(0, Math.min(100, Math.floor(share)));
    }

    private void draw() {
      err.print("\r" + line(stage, percent, message));
      err.flush();
      drawn = true;
    }

    private void clearLine() {
      if (drawn) {
        err.print("\r" + " ".repeat(line(stage, percent, message).length()) + "\r");
      }
    }

    private void endLine() {
      if (drawn) {
        err.println();
        err.flush();
        drawn = false;
      }
      message = "";
    }

    @Override
    public void close() {
      endLine();
    }
  }
}
