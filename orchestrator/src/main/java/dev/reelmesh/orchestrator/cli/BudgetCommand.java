package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.ListJobsResponse;
import dev.reelmesh.v1.PipelineServiceGrpc;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code reelmesh budget}: the month's limit, spend and holds (GetBudget), and where it went: the
 * month's jobs and the providers they paid, from the jobs' own bills (ListJobs).
 */
@Command(name = "budget", mixinStandardHelpOptions = true,
    description = "This month's budget: limit, spent, held by running jobs, left; then the "
        + "month's spend by job and by provider.", footer = ExitCodes.HELP)
final class BudgetCommand implements Callable<Integer> {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM")
      .withZone(ZoneOffset.UTC);

  @Mixin MeshAccess access;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    access.check(new Checks(spec));
    PrintWriter out = spec.commandLine().getOut();
    try (Connection connection = access.open()) {
      var pipeline = PipelineServiceGrpc.newBlockingStub(connection.pipeline());
      Budget budget = pipeline.getBudget(GetBudgetRequest.getDefaultInstance());
      printMonth(out, budget);
      List<Job> month = monthJobs(pipeline, budget.getMonth());
      if (month.isEmpty()) {
        out.println("no jobs this month yet");
        out.flush();
        return ExitCodes.OK;
      }
      out.printf("%nby job (%d this month, newest first):%n", month.size());
      out.printf("  %-22s %-10s %12s %12s  %s%n", "job", "state", "estimate", "actual", "brief");
      Map<String, long[]> providers = new TreeMap<>();
      for (Job job : month) {
        out.printf(Locale.ROOT, "  %-22s %-10s %12s %12s  %s%n", job.getJobId(),
            job.getState().name().replace("JOB_STATE_", "").toLowerCase(Locale.ROOT),
            Money.usd(job.getCost().getEstimatedTotalMicros()),
            Money.usd(job.getCost().getActualTotalMicros()),
            Money.cut(job.getSpec().getBrief(), 40));
        for (CostLine line : job.getCost().getLinesList()) {
          long[] sums = providers.computeIfAbsent(line.getProvider(), p -> new long[2]);
          sums[0] += line.getEstimatedMicros();
          sums[1] += line.getActualMicros();
        }
      }
      out.printf("%nby provider:%n  %-22s %12s %12s%n", "provider", "estimate", "actual");
      providers.forEach((provider, sums) -> out.printf("  %-22s %12s %12s%n", provider,
          Money.usd(sums[0]), Money.usd(sums[1])));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** The month's figures; unreconciled calls only when there are some. */
  static void printMonth(PrintWriter out, Budget budget) {
    out.printf("month %s%n  limit      %12s%n  spent      %12s%n  held       %12s%n"
        + "  left       %12s%n", budget.getMonth(), Money.usd(budget.getMonthlyLimitMicros()),
        Money.usd(budget.getSpentMicros()), Money.usd(budget.getReservedMicros()),
        Money.usd(budget.getRemainingMicros()));
    if (budget.getUnreconciledCalls() > 0) {
      // Part of "spent": calls whose outcome is unknown, charged at their estimate.
      out.printf("  unreconciled %10s  (%d call%s whose outcome is unknown, charged at their "
          + "estimate; in spent)%n", Money.usd(budget.getUnreconciledMicros()),
          budget.getUnreconciledCalls(), budget.getUnreconciledCalls() == 1 ? "" : "s");
    }
  }

  /** Every job created in {@code month} (UTC), across all pages. */
  static List<Job> monthJobs(PipelineServiceGrpc.PipelineServiceBlockingStub pipeline,
      String month) {
    List<Job> jobs = new ArrayList<>();
    String token = "";
    do {
      ListJobsResponse page = pipeline.listJobs(ListJobsRequest.newBuilder().setPageSize(500)
          .setPageToken(token).build());
      for (Job job : page.getJobsList()) {
        String created = MONTH.format(Instant.ofEpochSecond(job.getCreated().getSeconds()));
        if (created.equals(month)) {
          jobs.add(job);
        }
      }
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return jobs;
  }
}
