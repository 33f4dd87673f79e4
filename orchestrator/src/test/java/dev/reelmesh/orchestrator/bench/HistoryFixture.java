package dev.reelmesh.orchestrator.bench;

import com.google.protobuf.Timestamp;
import dev.reelmesh.orchestrator.store.Database;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A data directory with a history, to time start-up against: copies the one ended job already
 * in {@code DATA} (run one cheap job there first) {@code COUNT} times under new ids, snapshot,
 * events and bill, through the store, as if that many jobs had run. Uses only store APIs older
 * builds have too. Asserts nothing.
 *
 * <pre>java -cp "orchestrator/target/test-classes:orchestrator/target/orchestrator.jar:orchestrator/target/lib/*" \
 *   dev.reelmesh.orchestrator.bench.HistoryFixture DATA COUNT</pre>
 */
public final class HistoryFixture {
  private HistoryFixture() {}

  public static void main(String[] args) {
    Path state = Path.of(args[0]).resolve("state");
    int count = Integer.parseInt(args[1]);
    try (Database database = Database.open(null, state)) {
      JobStore store = database.store();
      Job template = store.loadAll().stream().filter(j -> j.getState()
          == JobState.JOB_STATE_SUCCEEDED).findFirst().orElseThrow(() ->
              new IllegalStateException("no succeeded job in " + state + " to copy"));
      List<JobEvent> events = store.events(template.getJobId(), 0, Integer.MAX_VALUE);
      List<CostLine> bill = store.bill(template.getJobId());
      for (int i = 0; i < count; i++) {
        String id = String.format("job-history%09d", i);
        Instant created = Instant.now();
        Job copy = template.toBuilder().setJobId(id).setIdempotencyKey("")
            .setCreated(Timestamp.newBuilder().setSeconds(created.getEpochSecond())
                .setNanos(created.getNano())).build();
        store.insert(copy.toBuilder().setState(JobState.JOB_STATE_QUEUED).build());
        for (JobEvent event : events) {
          store.appendEvent(event.toBuilder().setJobId(id).build());
        }
        if (!bill.isEmpty()) {
          store.charge(id, YearMonth.now(ZoneOffset.UTC), bill);
        }
        store.saveSnapshot(copy);
      }
      System.out.printf("%d copies of %s (%d events each) in %s%n", count,
          template.getJobId(), events.size(), state);
    }
  }
}
