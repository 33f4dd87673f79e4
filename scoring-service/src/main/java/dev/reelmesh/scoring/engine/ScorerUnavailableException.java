package dev.reelmesh.scoring.engine;

/** A scorer could not run; the message is what the caller reads in ScorerFailure.reason. */
public final class ScorerUnavailableException extends RuntimeException {
  public ScorerUnavailableException(String message) {
    super(message);
  }

  public ScorerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
