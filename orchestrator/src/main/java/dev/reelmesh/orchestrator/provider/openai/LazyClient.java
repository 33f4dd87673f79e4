package dev.reelmesh.orchestrator.provider.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * One openai-java client, built at the first job that needs it and shared by every job after
 * (its connection pool is the point). Its own retries are off: OpenAiCalls owns retries, so
 * attempts and backoff are ours and visible.
 */
final class LazyClient {
  private final String key;
  private final Optional<String> baseUrl;
  private final Duration timeout;
  private OpenAIClient client;

  LazyClient(Optional<String> key, Optional<String> baseUrl, Duration timeout) {
    this.key = key.orElse(null);
    this.baseUrl = baseUrl;
    this.timeout = timeout;
  }

  synchronized OpenAIClient get() {
    if (client == null) {
      if (key == null) {
        throw new IllegalStateException("no key: the entry's missing() says what to set");
      }
      OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder().apiKey(key)
          .timeout(timeout).maxRetries(0);
      baseUrl.ifPresent(builder::baseUrl);
      client = builder.build();
    }
    return client;
  }
}
