package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.common.diagnostics.Check;
import dev.reelmesh.orchestrator.provider.catalog.SecretsFile;
import dev.reelmesh.orchestrator.provider.catalog.StandardProviders;
import dev.reelmesh.orchestrator.provider.registry.ProviderEntry;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.webhook.WebhookSettings;
import dev.reelmesh.orchestrator.provider.webhook.Webhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code doctor}'s provider lines: one per registered provider, from what its entry says it
 * reads and lacks. Which settings are set is shown, never a value; a malformed setting fails its
 * provider's line with the variable's name.
 */
final class ProviderChecks {
  private ProviderChecks() {}

  static List<Check> run(Map<String, String> env) {
    List<Check> checks = new ArrayList<>();
    Map<String, String> settings;
    try {
      settings = SecretsFile.withSecrets(env);
    } catch (IllegalArgumentException e) {
      checks.add(Check.fail("providers", "secrets file", e.getMessage()));
      settings = env;
    }
    Webhooks hooks = Webhooks.off();
    try {
      hooks = Webhooks.fromEnv(settings);
      checks.add(webhooks(hooks.settings()));
    } catch (IllegalArgumentException e) {
      checks.add(Check.fail("providers", "webhooks", e.getMessage()));
    }
    for (StandardProviders.Registration registration : StandardProviders.registrations(hooks)) {
      try {
        for (ProviderEntry entry : registration.entries().apply(settings)) {
          checks.add(check(entry, settings));
        }
      } catch (IllegalArgumentException e) {
        checks.add(Check.fail("providers", registration.name(), e.getMessage()));
      }
    }
    return checks;
  }

  /** Callbacks are optional: polling is the rule, a receiver only shortens the waits. */
  static Check webhooks(WebhookSettings settings) {
    if (settings.port().isEmpty()) {
      return Check.optional("providers", "webhooks", "off: provider jobs are polled (set "
          + WebhookSettings.PORT_VARIABLE + " and " + WebhookSettings.URL_VARIABLE
          + " to take completion callbacks)");
    }
    return Check.ok("providers", "webhooks", "receiver on " + settings.host() + ":"
        + settings.port().get() + ", providers call " + settings.publicUrl().orElse(
            "nothing (" + WebhookSettings.URL_VARIABLE + " unset)") + "; Replicate secret "
        + (settings.replicateSecret().isPresent() ? "set" : "missing"));
  }

  static Check check(ProviderEntry entry, Map<String, String> settings) {
    String area = entry.role().field();
    if (!entry.paid()) {
      return Check.ok(area, entry.name(), entry.description());
    }
    var missing = entry.missing("");
    if (missing.isPresent()) {
      return Check.optional(area, entry.name(), "not configured: " + missing.get());
    }
    List<String> set = entry.settings().stream().map(Setting::variable)
        .filter(v -> settings.get(v) != null && !settings.get(v).isBlank()).toList();
    String model = entry.defaultModel().isEmpty() ? "" : "model " + entry.defaultModel() + "; ";
    return Check.ok(area, entry.name(), "configured: " + model + "set " + set
        + " (values not shown); " + entry.description());
  }
}
