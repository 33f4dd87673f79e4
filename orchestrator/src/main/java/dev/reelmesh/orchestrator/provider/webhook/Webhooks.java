package dev.reelmesh.orchestrator.provider.webhook;

import java.util.Map;

/** The webhook settings and the wake-ups providers poll by: one per orchestrator. */
public record Webhooks(WebhookSettings settings, Wakeups wakeups) {
  public static Webhooks off() {
    return new Webhooks(WebhookSettings.OFF, new Wakeups());
  }

  public static Webhooks fromEnv(Map<String, String> env) {
    return new Webhooks(WebhookSettings.fromEnv(env), new Wakeups());
  }
}
