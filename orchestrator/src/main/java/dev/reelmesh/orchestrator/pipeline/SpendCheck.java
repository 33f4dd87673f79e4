package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.provider.BudgetExceeded;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostReport;
import dev.reelmesh.v1.CreditAccount;
import dev.reelmesh.v1.JobSpec;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Refuse before spending: a job (or an approval, or a regeneration) whose estimate would cross
 * the job's cap or what is left of the month is answered RESOURCE_EXHAUSTED with the figures,
 * before any paid call, rather than accepted and failed later with money spent. The same for
 * the credits of the job's tenant, when it has a credit account (or credits are required).
 */
final class SpendCheck {
  private SpendCheck() {}

  /**
   * @param what what is being refused ("the job", "the approved plan", "regenerating clips")
   * @param spent what the job has already been charged
   */
  static void refuseOver(JobEngine engine, String what, JobSpec spec, long spent,
      CostReport estimate, String tenant) {
    long total = estimate.getEstimatedTotalMicros();
    if (total == 0) {
      return;
    }
    String parts = estimate.getLinesList().stream().filter(l -> l.getEstimatedMicros() > 0)
        .map(l -> l.getStage() + " " + usd(l.getEstimatedMicros()))
        .collect(Collectors.joining(", "));
    long cap = spec.getBudgetCapMicros();
    if (cap > 0 && spent + total > cap) {
      throw new BudgetExceeded(String.format(Locale.ROOT, "spec.budget_cap_micros: %s is "
          + "estimated at %s (%s)%s, over the job's cap of %s; raise spec.budget_cap_micros or "
          + "choose cheaper providers", what, usd(total), parts,
          spent > 0 ? " on top of " + usd(spent) + " already spent" : "", usd(cap)));
    }
    Budget month = engine.ledger().budget();
    if (total > month.getRemainingMicros()) {
      throw new BudgetExceeded(String.format(Locale.ROOT, "monthly limit: %s is estimated at "
          + "%s (%s), more than the %s left of this month's %s (%s spent); raise "
          + "REELMESH_MONTHLY_LIMIT_USD or wait for next month", what, usd(total), parts,
          usd(month.getRemainingMicros()), usd(month.getMonthlyLimitMicros()),
          usd(month.getSpentMicros())));
    }
    // Within the month, so what is short now is the tenant's credits.
    Budget mine = engine.ledger().budget(tenant);
    if (total > mine.getRemainingMicros()) {
      CreditAccount credits = mine.getCredits();
      throw new BudgetExceeded(mine.hasCredits() ? String.format(Locale.ROOT, "credits: %s is "
          + "estimated at %s (%s), more than the %s of credits tenant '%s' has left (%s granted,"
          + " %s spent, %s held by calls in flight); an admin grants more with `reelmesh credits"
          + " grant %s AMOUNT`", what, usd(total), parts, usd(Math.max(0,
              credits.getAvailableMicros())), tenant, usd(credits.getGrantedMicros()),
          usd(credits.getSpentMicros()), usd(credits.getHeldMicros()), tenant)
          : String.format(Locale.ROOT, "credits: %s is estimated at %s (%s) and tenant '%s' has "
          + "no credit account, which this mesh requires (REELMESH_CREDITS=required); an admin "
          + "grants credits with `reelmesh credits grant %s AMOUNT`", what, usd(total), parts,
          tenant, tenant));
    }
  }

  /**
   * Refuses a regeneration estimated over its own {@code cap} (0: none). Paid video and image
   * calls hold exactly their estimate, so a redo estimated within the cap is held within it.
   */
  static void refuseOverRegenerationCap(String what, long cap, CostReport estimate) {
    if (cap > 0 && estimate.getEstimatedTotalMicros() > cap) {
      throw new BudgetExceeded(String.format(Locale.ROOT, "budget_cap_micros: %s is estimated "
          + "at %s, over this regeneration's cap of %s; raise budget_cap_micros or redo fewer "
          + "clips", what, usd(estimate.getEstimatedTotalMicros()), usd(cap)));
    }
  }

  private static String usd(long micros) {
    return String.format(Locale.ROOT, "$%.4f", micros / 1e6);
  }
}
