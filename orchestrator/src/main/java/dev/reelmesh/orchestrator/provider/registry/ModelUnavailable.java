package dev.reelmesh.orchestrator.provider.registry;

/**
 * A permanent "this model cannot be used here" answer: not found, retired, or not available in
 * the account's region. Unlike a transient failure it is not retried; a fallback chain
 * ({@code "fal:kling-2.1,runway,motion"}) moves on to its next provider, as a visible
 * {@code fallback} event. Thrown by a provider before anything was charged.
 */
public final class ModelUnavailable extends RuntimeException {
  private final String provider;
  private final String model;

  /** @param providerWords the provider's own reason, quoted to the user */
  public ModelUnavailable(String provider, String model, String providerWords) {
    super(provider + (model.isBlank() ? "" : ":" + model) + " is unavailable: " + providerWords);
    this.provider = provider;
    this.model = model;
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }
}
