package dev.reelmesh.orchestrator.spec;

/**
 * Which paid providers the job engine has settings for, so a job choosing one it lacks is
 * refused at submission with what to set.
 *
 * @param replicateMissing what Replicate lacks, in words (empty when configured)
 */
public record PaidProviders(boolean openAi, boolean replicate, String replicateMissing) {
  public static final PaidProviders NONE = new PaidProviders(false, false, "");
}
