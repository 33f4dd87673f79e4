package dev.reelmesh.media.ffmpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * One job's cancel switch. The gRPC edge flips it from a Context listener (cancel or deadline);
 * every FFmpeg child the job starts registers here, so flipping it kills whatever is running and
 * stops the job before it starts the next step.
 */
public final class Cancellation {
  private final List<Process> running = new ArrayList<>();
  private volatile String reason;

  public static Cancellation none() {
    return new Cancellation();
  }

  public synchronized void cancel(String why) {
    if (reason != null) {
      return;
    }
    reason = why;
    for (Process process : running) {
      killTree(process);
    }
  }

  public boolean isCancelled() {
    return reason != null;
  }

  /** Throws when cancelled, so a multi-step job stops between steps. */
  public void check() {
    String why = reason;
    if (why != null) {
      throw new CancellationException(why);
    }
  }

  synchronized void register(Process process) {
    if (reason != null) {
      killTree(process);
      throw new CancellationException(reason);
    }
    running.add(process);
  }

  synchronized void unregister(Process process) {
    running.remove(process);
  }

  static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
