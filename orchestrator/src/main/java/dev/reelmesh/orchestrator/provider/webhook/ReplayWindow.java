package dev.reelmesh.orchestrator.provider.webhook;

import java.time.Clock;
import java.time.Duration;

/** Both providers sign a Unix-seconds timestamp; one far from our clock is a replay (or skew). */
final class ReplayWindow {
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private ReplayWindow() {}

  static void check(String header, String value, Clock clock) throws WebhookRefused {
    long seconds;
    try {
      seconds = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw WebhookRefused.malformed(header + " is not Unix seconds");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > TOLERANCE.toSeconds()) {
      throw WebhookRefused.malformed(header + " is " + skew + " s from now, outside the "
          + TOLERANCE.toMinutes() + "-minute window: refused as a replay");
    }
  }

  static String required(java.util.Map<String, String> headers, String name)
      throws WebhookRefused {
    String value = headers.get(name);
    if (value == null || value.isBlank()) {
      throw WebhookRefused.malformed("missing header " + name);
    }
    return value;
  }
}
