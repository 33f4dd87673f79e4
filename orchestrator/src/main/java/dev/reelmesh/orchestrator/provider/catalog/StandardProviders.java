package dev.reelmesh.orchestrator.provider.catalog;

import dev.reelmesh.orchestrator.provider.fal.FalEntry;
import dev.reelmesh.orchestrator.provider.fal.FalImageEntry;
import dev.reelmesh.orchestrator.provider.gemini.GeminiEntry;
import dev.reelmesh.orchestrator.provider.registry.ProviderEntry;
import dev.reelmesh.orchestrator.provider.registry.ProviderRegistry;
import dev.reelmesh.orchestrator.provider.runway.RunwayEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The registration list: one line per provider. A new provider is a new package with its entry
 * and one line here; nothing else changes. This package imports every provider package and no
 * provider package imports it, so the list adds no cycle.
 */
public final class StandardProviders {
  private StandardProviders() {}

  /** Every provider, configured from the orchestrator's environment. */
  public static ProviderRegistry fromEnv(Map<String, String> env) {
    List<ProviderEntry> all = new ArrayList<>();
    // Registrations (one line each) are added by the provider packages' entries.
    all.add(FalEntry.fromEnv(env));
    all.add(FalImageEntry.fromEnv(env));
    all.add(GeminiEntry.fromEnv(env));
    all.add(RunwayEntry.fromEnv(env));
    return new ProviderRegistry(all);
  }
}
