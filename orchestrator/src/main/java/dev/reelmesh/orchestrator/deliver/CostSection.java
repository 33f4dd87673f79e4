package dev.reelmesh.orchestrator.deliver;

import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CostReport;
import java.util.List;
import java.util.Locale;

/**
 * The report's bill: every charge of the job, and what of it is unreconciled. An unreconciled
 * line is a paid call whose outcome nobody knows (in flight when its run died or was
 * cancelled): charged at its estimate so the ledger never counts less than the provider may
 * have billed. The report says so in a sentence of its own, so a reader of the total knows how
 * much of it is a hold rather than a price.
 */
final class CostSection {
  static final String UNRECONCILED = " (unreconciled: outcome unknown, charged at its estimate)";

  private CostSection() {}

  static void write(StringBuilder md, CostReport cost) {
    md.append("\n## Cost\n\n| stage | provider | item | estimated | actual |\n"
        + "|---|---|---|---|---|\n");
    for (CostLine line : cost.getLinesList()) {
      md.append("| ").append(line.getStage()).append(" | ").append(line.getProvider())
          .append(" | ").append(line.getItem()).append(line.getUnreconciled() ? UNRECONCILED : "")
          .append(" | ").append(usd(line.getEstimatedMicros())).append(" | ")
          .append(usd(line.getActualMicros())).append(" |\n");
    }
    md.append("\nTotal: ").append(usd(cost.getActualTotalMicros()))
        .append(" actual (estimated ").append(usd(cost.getEstimatedTotalMicros()))
        .append(").\n");
    List<CostLine> unknown = cost.getLinesList().stream().filter(CostLine::getUnreconciled)
        .toList();
    if (!unknown.isEmpty()) {
      md.append("\nOf it, ").append(usd(unknown.stream().mapToLong(CostLine::getActualMicros)
              .sum())).append(" over ").append(unknown.size()).append(unknown.size() == 1
              ? " call is" : " calls are").append(" unreconciled: the call was in flight when"
              + " its run stopped (a crash, a takeover or a cancel), so nobody knows whether the"
              + " provider billed it; it stays charged at its estimate, the most it may have"
              + " cost.\n");
    }
  }

  static String usd(long micros) {
    return String.format(Locale.ROOT, "$%.4f", micros / 1e6);
  }
}
