package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.EstimateCostResponse;
import dev.reelmesh.v1.PipelineServiceGrpc;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reelmesh estimate "brief"}: the plan and the bill, nothing spent (EstimateCost). */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Dry run: plan the brief and price every stage and provider; nothing is "
        + "rendered and nothing is spent. Takes the same flags as generate.",
    footer = ExitCodes.HELP)
final class EstimateCommand implements Callable<Integer> {
  @Mixin SpecOptions options;

  @Option(names = "--plan", description = "Print the plan too.")
  boolean showPlan;

  @Mixin MeshAccess access;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Checks checks = new Checks(spec);
    access.check(checks);
    var jobSpec = options.build(checks);
    PrintWriter out = spec.commandLine().getOut();
    try (Connection connection = access.open()) {
      EstimateCostResponse estimate = PipelineServiceGrpc.newBlockingStub(connection.pipeline())
          .estimateCost(EstimateCostRequest.newBuilder().setSpec(jobSpec).build());
      if (showPlan) {
        PlanText.print(estimate.getPlan(), out);
      }
      estimate.getWarningsList().forEach(w -> out.println("warning: " + w));
      out.printf("estimate for %d clips, %.1f s (nothing spent):%n",
          estimate.getPlan().getClipsCount(), estimate.getPlan().getDurationSeconds());
      Money.printBill(estimate.getEstimate(), false, out);
      Budget budget = estimate.getBudget();
      out.printf("month %s: %s of %s left%n", budget.getMonth(),
          Money.usd(budget.getRemainingMicros()), Money.usd(budget.getMonthlyLimitMicros()));
      out.println(estimate.getWithinBudget() ? "within budget: `reelmesh generate` with the same "
          + "flags would be accepted"
          : "over budget: generate would be refused; lower --duration, --tier or --variations,"
              + " or raise --budget");
      out.flush();
      return estimate.getWithinBudget() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
