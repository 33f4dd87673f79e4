package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.common.error.Statuses;
import io.grpc.Status;
import java.util.Set;

/**
 * Whether a failed LLM service request may have been paid for. The service refuses bad input,
 * an unavailable engine and a full queue before any paid call; every other failure (a deadline,
 * a cancel, a dropped connection, an internal error) leaves the outcome unknown. The service
 * says "(fallback: ...)" when its paid engine answered before the offline engine refused.
 */
public final class LlmOutcome {
  private static final Set<Status.Code> REFUSED_BEFORE_CALLING = Set.of(
      Status.Code.INVALID_ARGUMENT, Status.Code.FAILED_PRECONDITION,
      Status.Code.RESOURCE_EXHAUSTED, Status.Code.PERMISSION_DENIED,
      Status.Code.UNAUTHENTICATED, Status.Code.UNIMPLEMENTED);

  private LlmOutcome() {}

  public static boolean mayHavePaid(RuntimeException e) {
    Status status = Statuses.fromThrowable(e);
    String description = status.getDescription() == null ? "" : status.getDescription();
    return !REFUSED_BEFORE_CALLING.contains(status.getCode())
        || description.contains("(fallback:");
  }
}
