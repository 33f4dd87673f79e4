package dev.reelmesh.orchestrator.event;

import dev.reelmesh.v1.JobEvent;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams one watcher's events with gRPC flow control: it sends only while the transport is
 * ready and resumes on {@code onReady}. Nothing is queued per watcher, so a slow or stalled
 * client costs memory for nothing but its cursor, and never stalls the job.
 */
public final class EventStreamer {
  private static final int BATCH = 64;
  private final EventLog log;
  private final ServerCallStreamObserver<JobEvent> out;
  private final Runnable listener = this::drain;
  private final AtomicBoolean done = new AtomicBoolean();
  private long cursor;

  private EventStreamer(EventLog log, ServerCallStreamObserver<JobEvent> out, long after) {
    this.log = log;
    this.out = out;
    this.cursor = after;
  }

  public static void start(EventLog log, ServerCallStreamObserver<JobEvent> out, long after) {
    EventStreamer streamer = new EventStreamer(log, out, after);
    out.setOnCancelHandler(streamer::stop);
    out.setOnReadyHandler(streamer::drain);
    log.addListener(streamer.listener);
    streamer.drain();
  }

  private synchronized void drain() {
    if (done.get()) {
      return;
    }
    while (out.isReady()) {
      List<JobEvent> next = log.after(cursor, BATCH);
      if (next.isEmpty()) {
        break;
      }
      for (JobEvent event : next) {
        out.onNext(event);
        cursor = event.getSequence();
      }
    }
    // Checked after draining: a close that raced with the last append still gets its events out.
    if (log.isClosed() && cursor >= log.lastSequence()) {
      stop();
      out.onCompleted();
    }
  }

  private void stop() {
    if (done.compareAndSet(false, true)) {
      log.removeListener(listener);
    }
  }
}
