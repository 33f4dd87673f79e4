package dev.reelmesh.orchestrator.store;

import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A data directory written by the file store (before PostgreSQL): {@code jobs/<id>/job.pb},
 * {@code events.pb}, {@code steps/*} and {@code ledger.pb}. Imported once on the first start
 * against a store, then moved aside ({@code jobs.imported}, {@code ledger.pb.imported}) so it is
 * neither imported twice nor mistaken for live state. A directory that cannot be imported stops
 * the start with the reason: its jobs and money are never silently ignored.
 */
public final class FileStoreImport {
  private FileStoreImport() {}

  public record Imported(int jobs, long chargedMicros, long unattributedMicros) {}

  /** Imports {@code stateDir}'s file-store data when there is any; null when there is none. */
  public static Imported importOnce(Path stateDir, JobStore store) {
    Path jobs = stateDir.resolve("jobs");
    Path ledger = stateDir.resolve("ledger.pb");
    if (!Files.isDirectory(jobs) && !Files.isRegularFile(ledger)) {
      return null;
    }
    try {
      long charged = 0;
      int count = 0;
      long inMonth = 0;
      YearMonth ledgerMonth = null;
      Budget old = Files.isRegularFile(ledger) ? Budget.parseFrom(Files.readAllBytes(ledger))
          : null;
      if (old != null && !old.getMonth().isEmpty()) {
        ledgerMonth = YearMonth.parse(old.getMonth());
      }
      for (Path dir : Files.isDirectory(jobs) ? list(jobs) : List.<Path>of()) {
        Path snapshot = dir.resolve("job.pb");
        if (!Files.isRegularFile(snapshot)) {
          continue;
        }
        Job job = Job.parseFrom(Files.readAllBytes(snapshot));
        if (store.load(job.getJobId()).isPresent() || store.insert(job).isPresent()) {
          continue; // already there (an interrupted import), or its idempotency key is taken
        }
        for (JobEvent event : events(dir.resolve("events.pb"))) {
          store.appendEvent(event);
        }
        Path steps = dir.resolve("steps");
        for (Path step : Files.isDirectory(steps) ? list(steps) : List.<Path>of()) {
          store.putStep(job.getJobId(), StepMemo.check(step.getFileName().toString()),
              Files.readAllBytes(step));
        }
        YearMonth month = YearMonth.from(Instant.ofEpochSecond(job.getUpdated().getSeconds())
            .atZone(ZoneOffset.UTC));
        List<CostLine> lines = job.getCost().getLinesList();
        store.charge(job.getJobId(), month, lines);
        long sum = lines.stream().mapToLong(CostLine::getActualMicros).sum();
        charged += sum;
        if (month.equals(ledgerMonth)) {
          inMonth += sum;
        }
        count++;
      }
      long unattributed = 0;
      if (old != null && ledgerMonth != null && old.getSpentMicros() > inMonth) {
        // The file store's ledger counted spend no job's bill shows (a crash between the two
        // writes): kept, so the month never counts less than was paid, on no job.
        unattributed = old.getSpentMicros() - inMonth;
        store.charge(null, ledgerMonth, List.of(CostLine.newBuilder().setStage("import")
            .setProvider("file store").setItem("spend in the old ledger on no job's bill")
            .setEstimatedMicros(unattributed).setActualMicros(unattributed).build()));
      }
      if (Files.isDirectory(jobs)) {
        Files.move(jobs, stateDir.resolve("jobs.imported"));
      }
      if (Files.isRegularFile(ledger)) {
        Files.move(ledger, stateDir.resolve("ledger.pb.imported"));
      }
      return new Imported(count, charged, unattributed);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot import the file-store data in " + stateDir
          + " (jobs/, ledger.pb) into the job store: " + e.getMessage() + ". Fix or move it"
          + " aside (e.g. to " + stateDir.resolve("jobs.old") + ") and start again; its jobs"
          + " and spend are not in the store until it is imported", e);
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    }
  }

  private static List<JobEvent> events(Path file) throws IOException {
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
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return events;
  }
}
