package dev.reelmesh.orchestrator.deliver;

import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.ProviderQueued;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report's account of provider queues: for each provider job that waited (fal's queue, say),
 * the positions it was seen at and how long it waited at least — from the first position seen to
 * the last, as the job's queued events say (polls between positions are not events).
 */
final class ProviderQueues {
  private ProviderQueues() {}

  private record Wait(String step, String providerJobId, List<Integer> positions, long firstNanos,
      long lastNanos) {}

  static void write(StringBuilder md, List<JobEvent> events) {
    Map<String, Wait> waits = new LinkedHashMap<>();
    for (JobEvent event : events) {
      if (!event.hasQueued()) {
        continue;
      }
      ProviderQueued queued = event.getQueued();
      long at = event.getTime().getSeconds() * 1_000_000_000L + event.getTime().getNanos();
      waits.merge(queued.getStep() + "\n" + queued.getProviderJobId(),
          new Wait(queued.getStep(), queued.getProviderJobId(),
              new ArrayList<>(List.of(queued.getPosition())), at, at),
          (seen, next) -> {
            seen.positions().addAll(next.positions());
            return new Wait(seen.step(), seen.providerJobId(), seen.positions(),
                seen.firstNanos(), next.lastNanos());
          });
    }
    if (waits.isEmpty()) {
      return;
    }
    md.append("\n## Provider queues\n\n| step | provider job | positions | waited at least (s)"
        + " |\n|---|---|---|---|\n");
    for (Wait wait : waits.values()) {
      md.append("| ").append(wait.step().replace("|", "\\|")).append(" | ")
          .append(wait.providerJobId()).append(" | ")
          .append(wait.positions().stream().map(String::valueOf)
              .collect(Collectors.joining(" → "))).append(" | ")
          .append(String.format(Locale.ROOT, "%.1f", (wait.lastNanos() - wait.firstNanos())
              / 1e9)).append(" |\n");
    }
  }
}
