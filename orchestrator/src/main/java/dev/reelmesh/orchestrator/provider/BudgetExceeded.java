package dev.reelmesh.orchestrator.provider;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * A paid call refused before any spend: RESOURCE_EXHAUSTED, naming the cap or limit and the
 * figures. Its own type so the stages tell it from a provider's rate limit: a budget refusal is
 * not retried and does not degrade into a placeholder, it stops the job.
 */
public final class BudgetExceeded extends StatusRuntimeException {
  public BudgetExceeded(String message) {
    super(Status.RESOURCE_EXHAUSTED.withDescription(message));
  }
}
