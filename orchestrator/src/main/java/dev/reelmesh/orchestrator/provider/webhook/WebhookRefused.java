package dev.reelmesh.orchestrator.provider.webhook;

/**
 * A callback that is not let in: 400 when it is malformed or outside the replay window, 401 when
 * its signature does not verify. The reason is for our log and the answer, never a secret.
 */
public final class WebhookRefused extends Exception {
  private final int httpStatus;

  WebhookRefused(int httpStatus, String reason) {
    super(reason, null, false, false);
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  static WebhookRefused malformed(String reason) {
    return new WebhookRefused(400, reason);
  }

  static WebhookRefused forged(String reason) {
    return new WebhookRefused(401, reason);
  }
}
