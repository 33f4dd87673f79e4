package dev.reelmesh.orchestrator.event;

import com.google.protobuf.Timestamp;
import dev.reelmesh.v1.JobEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One job's events: sequence numbers 1, 2, 3… with no gaps, each persisted (through
 * {@code sink}) before any watcher sees it. Watchers pull from the log at their own pace, so a
 * slow watcher never holds the job up; listeners are only told "there is more".
 */
public final class EventLog {
  private final String jobId;
  private final Consumer<JobEvent> sink;
  private final List<JobEvent> events;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public EventLog(String jobId, List<JobEvent> restored, Consumer<JobEvent> sink) {
    this.jobId = jobId;
    this.sink = sink;
    this.events = new ArrayList<>(restored);
  }

  /** Assigns the next sequence and the time, persists, then wakes the watchers. */
  public JobEvent append(JobEvent.Builder event) {
    JobEvent appended;
    synchronized (this) {
      Instant now = Instant.now();
      appended = event.setJobId(jobId)
          .setSequence(events.size() + 1L)
          .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
          .build();
      sink.accept(appended);
      events.add(appended);
    }
    listeners.forEach(Runnable::run);
    return appended;
  }

  /**
   * Events another orchestrator appended (read back from the store) join this copy of the log
   * and wake the watchers; ones already here are skipped.
   */
  public void adopt(List<JobEvent> stored) {
    boolean added = false;
    synchronized (this) {
      for (JobEvent event : stored) {
        if (event.getSequence() == events.size() + 1L) {
          events.add(event);
          added = true;
        }
      }
    }
    if (added) {
      listeners.forEach(Runnable::run);
    }
  }

  /**
   * This log's job is now run by a new copy ({@code successor}, after a takeover): its events
   * flow into this one too, so watchers already attached see them.
   */
  public void handOver(EventLog successor) {
    Runnable follow = () -> {
      adopt(successor.after(lastSequence(), Integer.MAX_VALUE));
      if (successor.isClosed()) {
        close();
      } else {
        reopen();
      }
    };
    successor.addListener(follow);
    follow.run();
  }

  public boolean hasListeners() {
    return !listeners.isEmpty();
  }

  /** Events with sequence > {@code after}, at most {@code max}. */
  public synchronized List<JobEvent> after(long after, int max) {
    int from = (int) Math.min(Math.max(after, 0), events.size());
    int to = (int) Math.min(events.size(), (long) from + max);
    return List.copyOf(events.subList(from, to));
  }

  public synchronized long lastSequence() {
    return events.size();
  }

  public synchronized JobEvent last() {
    return events.isEmpty() ? null : events.get(events.size() - 1);
  }

  /** No more events will come (the job ended); watchers finish once they have read everything. */
  public void close() {
    closed = true;
    listeners.forEach(Runnable::run);
  }

  /** A finished job's log reopens when the job is regenerated. */
  public void reopen() {
    closed = false;
  }

  public boolean isClosed() {
    return closed;
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }
}
