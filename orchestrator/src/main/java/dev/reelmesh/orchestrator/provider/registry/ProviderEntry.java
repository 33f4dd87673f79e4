package dev.reelmesh.orchestrator.provider.registry;

import java.util.List;
import java.util.Optional;

/**
 * One provider, registered once (in the spirit of grpc-java's {@code LoadBalancerProvider}):
 * everything JobSpecs, the estimator, the engine, {@code doctor} and the docs need to know about
 * it. An entry is built from the orchestrator's settings; the role's sub-interface
 * ({@link VideoEntry}, {@link ImageEntry}, {@link SpeechEntry}) says how it estimates and how it is
 * created for a job.
 */
public interface ProviderEntry {
  /** The name a job chooses it by ("fal", "runway", "motion"); lower case, no ':' or ','. */
  String name();

  Role role();

  /** Whether its calls cost money (held before each call); the built-in engines are free. */
  boolean paid();

  /** One line for doctor and the docs ("fal queue: Kling, Veo, Wan, ... by endpoint id"). */
  String description();

  /** Every setting it reads, required or not; values are never shown. */
  List<Setting> settings();

  /**
   * Empty when a job may choose it with {@code model} ("" = its default model); otherwise what
   * to set, in words a person can act on ("provider 'fal' needs FAL_KEY").
   */
  Optional<String> missing(String model);

  /** The model a job gets when it names none ("" when the provider has no models). */
  String defaultModel();

  /** What {@code model} ("" = the default) accepts. */
  Capabilities capabilities(String model);

  /** The model ids it knows defaults for (doctor, docs); any other id may still be accepted. */
  default List<String> knownModels() {
    return List.of();
  }
}
