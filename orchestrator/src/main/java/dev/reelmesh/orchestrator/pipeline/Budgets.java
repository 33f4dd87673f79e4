package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.auth.Role;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.EstimateCostResponse;
import io.grpc.Status;

/**
 * Whose budget a caller reads: an admin the whole mesh's (or one tenant's, when it names one);
 * anyone else its own tenant's, where spent and held are its jobs' and remaining is what it may
 * still spend: the mesh's remaining month, capped by its credits when it has an account. The
 * mesh's total spend is an admin's figure only.
 */
final class Budgets {
  private Budgets() {}

  static Budget read(JobEngine engine, Principal caller, String tenant) {
    String named = tenant.strip();
    if (caller.has(Role.ADMIN)) {
      if (named.isEmpty()) {
        return engine.ledger().budget();
      }
      return engine.ledger().budget(CreditGrants.tenant("tenant", named));
    }
    if (!named.isEmpty() && !named.equals(caller.tenant())) {
      throw Status.PERMISSION_DENIED.withDescription("tenant: only an admin may read another "
          + "tenant's budget; this token's tenant is '" + caller.tenant() + "'")
          .asRuntimeException();
    }
    return engine.ledger().budget(caller.tenant());
  }

  /**
   * A dry run answers with the budget the caller may read, and fits only if the caller's tenant
   * may spend it (its credits, when it has an account).
   */
  static EstimateCostResponse estimate(JobEngine engine, Principal caller,
      EstimateCostResponse global) {
    Budget mine = engine.ledger().budget(caller.tenant());
    boolean within = global.getWithinBudget()
        && global.getEstimate().getEstimatedTotalMicros() <= mine.getRemainingMicros();
    return global.toBuilder().setBudget(caller.has(Role.ADMIN) ? global.getBudget() : mine)
        .setWithinBudget(within).build();
  }
}
