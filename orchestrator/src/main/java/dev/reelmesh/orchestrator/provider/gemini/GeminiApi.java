package dev.reelmesh.orchestrator.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.provider.registry.ModelUnavailable;
import dev.reelmesh.orchestrator.provider.remote.HttpFailure;
import dev.reelmesh.orchestrator.provider.remote.ProviderHttp;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Gemini API's long-running video calls: {@code models/{model}:predictLongRunning} answers
 * a {@code google.longrunning.Operation}, polled at {@code v1beta/{name}} until {@code done}.
 * The key travels in {@code x-goog-api-key}, and only to the API's own host.
 */
final class GeminiApi {
  private final GeminiConfig config;
  private final ProviderHttp http;

  GeminiApi(GeminiConfig config) {
    this.config = config;
    this.http = new ProviderHttp("gemini", config.timings());
  }

  /** The operation's name; 404 (no such model, or a retired id) is ModelUnavailable. */
  String predictLongRunning(String model, ObjectNode body, String what) {
    try {
      return http.create(what, request("/v1beta/models/" + model + ":predictLongRunning")
          .POST(ProviderHttp.json(body)).build()).path("name").asText("");
    } catch (StatusRuntimeException e) {
      if (e.getCause() instanceof HttpFailure f && f.status() == 404) {
        throw new ModelUnavailable("gemini", model, f.words());
      }
      throw e;
    }
  }

  JsonNode operation(String name, String what) {
    return http.call(what, request("/v1beta/" + name).GET().build());
  }

  void cancel(String name, String what) {
    http.call(what, request("/v1beta/" + name + ":cancel")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
  }

  /** Generated files are served by the API itself and take the key; other hosts get none. */
  void download(String uri, Path out, String what) {
    boolean ours = URI.create(uri).getAuthority().equals(URI.create(config.baseUrl())
        .getAuthority());
    http.download(what, uri, ours ? Map.of("x-goog-api-key", config.key().orElseThrow())
        : Map.of(), out);
  }

  private HttpRequest.Builder request(String path) {
    return http.request(config.baseUrl() + path)
        .header("x-goog-api-key", config.key().orElseThrow())
        .header("Content-Type", "application/json");
  }
}
