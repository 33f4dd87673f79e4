package dev.reelmesh.scoring.model;

/** A model version that cannot serve; the message says exactly why (file, tensor, shape). */
public final class ModelLoadException extends Exception {
  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
