package dev.reelmesh.orchestrator.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * A failure as the single line a person reads at the terminal: what went wrong in words, and the
 * next step. gRPC status names stay out of it; the server's description (which names the field)
 * is kept.
 */
final class OneLine {
  private OneLine() {}

  /** {@code server} is the --server the command used, or null for an in-process mesh. */
  static String describe(Throwable e, String server, boolean serverGiven) {
    if (e instanceof StatusRuntimeException sre) {
      return describe(sre.getStatus(), server, serverGiven);
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static String describe(Status status, String server, boolean serverGiven) {
    String said = status.getDescription() == null ? "" : status.getDescription();
    return switch (status.getCode()) {
      case UNAVAILABLE -> server == null ? "the mesh stopped answering (" + said + ")"
          : "no mesh at " + server + " — start one with `reelmesh up`"
              + (serverGiven ? ", or drop --server" : ", or point --server at a running one");
      case DEADLINE_EXCEEDED -> "the mesh did not answer in time"
          + (said.isEmpty() ? "" : " (" + said + ")") + "; try again, or check `reelmesh doctor`";
      case NOT_FOUND -> said + " — `reelmesh jobs` lists the jobs"
          + (server == null ? " of a running mesh" : " at " + server);
      case RESOURCE_EXHAUSTED -> said + " — `reelmesh budget` shows the month; lower the "
          + "duration, tier or variations, or raise --budget";
      case FAILED_PRECONDITION, INVALID_ARGUMENT, OUT_OF_RANGE, ALREADY_EXISTS -> said;
      case PERMISSION_DENIED, UNAUTHENTICATED -> "not allowed: " + said;
      case CANCELLED -> "cancelled" + (said.isEmpty() ? "" : ": " + said);
      default -> "the mesh failed (" + status.getCode().name().toLowerCase(java.util.Locale.ROOT)
          .replace('_', ' ') + (said.isEmpty() ? "" : ": " + said) + ")";
    };
  }
}
