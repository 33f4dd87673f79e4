package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.provider.registry.ProviderEntry;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the OpenAI entries share: the name, the key, the base URL. */
abstract class OpenAiEntry implements ProviderEntry {
  static final String NEEDS_KEY = "provider 'openai' needs " + OpenAiConfig.KEY_VARIABLE
      + " (and optionally OPENAI_BASE_URL) set for the orchestrator";
  final OpenAiConfig config;
  final LazyClient client;

  OpenAiEntry(OpenAiConfig config, LazyClient client) {
    this.config = config;
    this.client = client;
  }

  @Override
  public final String name() {
    return "openai";
  }

  @Override
  public final boolean paid() {
    return true;
  }

  /** The settings of this role beside the key and base URL. */
  abstract List<Setting> roleSettings();

  @Override
  public List<Setting> settings() {
    List<Setting> all = new ArrayList<>(List.of(
        Setting.secret(OpenAiConfig.KEY_VARIABLE, "OpenAI API key"),
        Setting.optional("OPENAI_BASE_URL", "another OpenAI-compatible server")));
    all.addAll(roleSettings());
    return all;
  }

  @Override
  public Optional<String> missing(String model) {
    return config.configured() ? Optional.empty() : Optional.of(NEEDS_KEY);
  }
}
