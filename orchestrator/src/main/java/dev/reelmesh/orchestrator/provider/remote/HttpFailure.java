package dev.reelmesh.orchestrator.provider.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;

/**
 * A non-2xx answer: its status, the provider's own words (the message field its error shape
 * carries, else the raw body), the parsed body when it was JSON, and the Retry-After hint.
 */
public final class HttpFailure extends IOException {
  private final int status;
  private final String words;
  private final JsonNode body;
  private final Duration retryAfter;

  public HttpFailure(int status, String words, JsonNode body, Duration retryAfter) {
    super("HTTP " + status + ": " + words);
    this.status = status;
    this.words = words;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  /** The provider's words, as they should reach the user. */
  public String words() {
    return words;
  }

  /** The answer's JSON, or a missing node. */
  public JsonNode body() {
    return body;
  }

  /** The server's hint, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Worth another attempt: timeouts, conflicts, rate limits, server errors. */
  public boolean transientFailure() {
    return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
  }
}
