package dev.reelmesh.orchestrator.cli;

import io.grpc.StatusRuntimeException;

/** A failure as the single line a person reads at the terminal. */
final class OneLine {
  private OneLine() {}

  static String describe(Throwable e) {
    if (e instanceof StatusRuntimeException sre) {
      String description = sre.getStatus().getDescription();
      return sre.getStatus().getCode() + (description == null ? "" : ": " + description);
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
