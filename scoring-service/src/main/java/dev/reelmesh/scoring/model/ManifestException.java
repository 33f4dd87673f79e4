package dev.reelmesh.scoring.model;

/** A model.json that cannot be used; the message names the field and what is wrong. */
public final class ManifestException extends Exception {
  public ManifestException(String message) {
    super(message);
  }
}
