package dev.reelmesh.orchestrator.store;

/**
 * The database failed a read or write. Unchecked: the job's run stops (as on a full disk), its
 * state stays where the last committed transaction left it, and a resume picks it up there.
 */
public final class StoreFailure extends RuntimeException {
  public StoreFailure(String what, Throwable cause) {
    super("job store: cannot " + what + ": " + cause.getMessage(), cause);
  }
}
