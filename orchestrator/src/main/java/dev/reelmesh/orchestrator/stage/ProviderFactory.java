package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.orchestrator.provider.catalog.StandardProviders;
import dev.reelmesh.orchestrator.provider.registry.ProviderRegistry;
import dev.reelmesh.v1.ProviderChoices;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A job's engines, from the provider registry: JobSpecs, the estimator and {@code doctor} ask
 * {@link #registry()}, the engine asks {@link #forJob} once per run. Tests build a registry from
 * entries pointed at fake servers, or substitute providers of their own.
 */
public interface ProviderFactory {
  /** The providers jobs may choose, and what each needs. */
  ProviderRegistry registry();

  /** The engines of one run of a job, from its (validated) choices. */
  Providers forJob(ProviderChoices choices, MeshChannels channels, ProviderScope scope);

  /** Every job's providers through {@code registry}. */
  static ProviderFactory of(ProviderRegistry registry) {
    return new RegistryProviders(registry);
  }

  /**
   * Engines of the caller's own for every job (benchmarks, tests that count or stall calls);
   * specs are validated against the providers without keys.
   */
  static ProviderFactory fixed(BiFunction<ProviderChoices, MeshChannels, Providers> engines) {
    ProviderRegistry known = StandardProviders.withoutKeys();
    return new ProviderFactory() {
      @Override
      public ProviderRegistry registry() {
        return known;
      }

      @Override
      public Providers forJob(ProviderChoices choices, MeshChannels channels,
          ProviderScope scope) {
        return engines.apply(choices, channels);
      }
    };
  }

  /** No keys: the built-in engines; every paid provider known, refused until configured. */
  static ProviderFactory offline() {
    return of(StandardProviders.withoutKeys());
  }

  /** Every registered provider, configured from the environment (and the secrets file). */
  static ProviderFactory fromEnv(Map<String, String> env) {
    return of(StandardProviders.fromEnv(env));
  }
}
