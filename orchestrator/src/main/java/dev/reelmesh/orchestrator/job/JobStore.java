package dev.reelmesh.orchestrator.job;

import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import java.io.BufferedInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Durable job state under {@code <state>/jobs/<id>/}: {@code job.pb} (the latest snapshot,
 * replaced atomically), {@code events.pb} (length-delimited events, appended and synced one by
 * one) and {@code steps/} (results of finished steps, see {@link StepMemo}). After a crash the
 * snapshot and event log are read back; a torn last event (crash mid-write) is dropped.
 */
public final class JobStore {
  private final Path root;

  public JobStore(Path stateDir) {
    this.root = stateDir.resolve("jobs");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create job store " + root, e);
    }
  }

  Path dir(String jobId) {
    return root.resolve(jobId);
  }

  public void saveSnapshot(Job job) {
    Path dir = dir(job.getJobId());
    try {
      Files.createDirectories(dir);
      writeAtomically(dir.resolve("job.pb"), job.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save job " + job.getJobId(), e);
    }
  }

  public void appendEvent(JobEvent event) {
    Path file = dir(event.getJobId()).resolve("events.pb");
    try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
      event.writeDelimitedTo(out);
      out.getFD().sync();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append event to " + file, e);
    }
  }

  /** Every stored job, by snapshot. Jobs whose snapshot cannot be read are skipped. */
  public List<Job> loadAll() {
    List<Job> jobs = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.toList()) {
        Path snapshot = dir.resolve("job.pb");
        if (Files.isRegularFile(snapshot)) {
          try {
            jobs.add(Job.parseFrom(Files.readAllBytes(snapshot)));
          } catch (IOException e) {
            // A snapshot is replaced atomically, so this is disk damage: keep the others serving.
            org.slf4j.LoggerFactory.getLogger(JobStore.class)
                .warn("skipping unreadable job snapshot {}: {}", snapshot, e.toString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list jobs in " + root, e);
    }
    return jobs;
  }

  public List<JobEvent> loadEvents(String jobId) {
    Path file = dir(jobId).resolve("events.pb");
    List<JobEvent> events = new ArrayList<>();
    if (!Files.exists(file)) {
      return events;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      while (true) {
        JobEvent event;
        try {
          event = JobEvent.parseDelimitedFrom(in);
        } catch (IOException torn) {
          break; // the last write was cut short by a crash; everything before it is intact
        }
        if (event == null) {
          break;
        }
        events.add(event);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read events of " + jobId, e);
    }
    return events;
  }

  public StepMemo memo(String jobId) {
    return new StepMemo(dir(jobId).resolve("steps"));
  }

  /** Job files live with the job: artifacts the user downloads are in the artifact root. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    // A unique temporary name: concurrent writers never share one.
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
      out.write(bytes);
      out.getFD().sync();
    }
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
