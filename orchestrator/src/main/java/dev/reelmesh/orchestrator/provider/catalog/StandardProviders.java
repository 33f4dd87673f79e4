package dev.reelmesh.orchestrator.provider.catalog;

import dev.reelmesh.orchestrator.provider.builtin.BuiltInProviders;
import dev.reelmesh.orchestrator.provider.fal.FalEntry;
import dev.reelmesh.orchestrator.provider.fal.FalImageEntry;
import dev.reelmesh.orchestrator.provider.gemini.GeminiEntry;
import dev.reelmesh.orchestrator.provider.openai.OpenAiProviders;
import dev.reelmesh.orchestrator.provider.registry.ProviderEntry;
import dev.reelmesh.orchestrator.provider.registry.ProviderRegistry;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateEntry;
import dev.reelmesh.orchestrator.provider.runway.RunwayEntry;
import dev.reelmesh.orchestrator.provider.webhook.Webhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registration list: one line per provider. A new provider is a new package with its entry
 * and one line here; nothing else changes. This package imports every provider package and no
 * provider package imports it, so the list adds no cycle.
 */
public final class StandardProviders {
  /** One provider package's entries, configured from the environment. */
  public record Registration(String name, Function<Map<String, String>, List<ProviderEntry>>
      entries) {}

  private StandardProviders() {}

  /**
   * The built-ins first: a job that names no provider gets the first free one of its role.
   *
   * @param hooks where verified completion callbacks wake pollers, for providers that take them
   */
  public static List<Registration> registrations(Webhooks hooks) {
    return List.of(
        new Registration("built-in engines", BuiltInProviders::entries),
        new Registration("openai", OpenAiProviders::fromEnv),
        new Registration("replicate", env -> ReplicateEntry.fromEnv(env, hooks)),
        new Registration("fal", env -> List.of(FalEntry.fromEnv(env, hooks),
            FalImageEntry.fromEnv(env, hooks))),
        new Registration("gemini", env -> List.of(GeminiEntry.fromEnv(env))),
        new Registration("runway", env -> List.of(RunwayEntry.fromEnv(env))));
  }

  /**
   * Every provider, configured from the orchestrator's environment and the secrets file it
   * names (REELMESH_SECRETS_FILE). A malformed setting stops the start with its variable's name.
   */
  public static ProviderRegistry fromEnv(Map<String, String> env) {
    return fromEnv(env, Webhooks.off());
  }

  /** As above, with completion callbacks taken by a receiver of {@code hooks}. */
  public static ProviderRegistry fromEnv(Map<String, String> env, Webhooks hooks) {
    Map<String, String> settings = SecretsFile.withSecrets(env);
    List<ProviderEntry> all = new ArrayList<>();
    for (Registration registration : registrations(hooks)) {
      all.addAll(registration.entries().apply(settings));
    }
    return new ProviderRegistry(all);
  }

  /**
   * Every provider with no settings but PATH (for espeak-ng): the built-in engines usable, every
   * paid one known but unconfigured, so choosing it is refused with what to set. The offline
   * default, and what tests start from (never a real key from the environment).
   */
  public static ProviderRegistry withoutKeys() {
    String path = System.getenv("PATH");
    return fromEnv(path == null ? Map.of() : Map.of("PATH", path));
  }
}
