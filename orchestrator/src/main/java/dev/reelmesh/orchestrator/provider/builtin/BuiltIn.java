package dev.reelmesh.orchestrator.provider.builtin;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderEntry;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import java.util.List;
import java.util.Optional;

/**
 * What every built-in engine shares: free, always configured, no models, no stated limits (it
 * renders whatever length, size and frames a clip asks for).
 */
abstract class BuiltIn implements ProviderEntry {
  private final String name;
  private final String description;

  BuiltIn(String name, String description) {
    this.name = name;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean paid() {
    return false;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public List<Setting> settings() {
    return List.of();
  }

  @Override
  public final Optional<String> missing(String model) {
    return Optional.empty();
  }

  @Override
  public final String defaultModel() {
    return "";
  }

  @Override
  public final Capabilities capabilities(String model) {
    return Capabilities.any();
  }
}
