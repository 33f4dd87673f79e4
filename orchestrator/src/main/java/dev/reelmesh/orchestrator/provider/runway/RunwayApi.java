package dev.reelmesh.orchestrator.provider.runway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.provider.registry.ModelUnavailable;
import dev.reelmesh.orchestrator.provider.remote.HttpFailure;
import dev.reelmesh.orchestrator.provider.remote.ProviderHttp;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runway's task API: {@code POST /v1/image_to_video} answers a task id, polled at
 * {@code GET /v1/tasks/{id}}; {@code DELETE /v1/tasks/{id}} cancels it. Every call carries the
 * API version it was written against.
 */
final class RunwayApi {
  private final RunwayConfig config;
  private final ProviderHttp http;

  RunwayApi(RunwayConfig config) {
    this.config = config;
    this.http = new ProviderHttp("runway", config.timings());
  }

  String imageToVideo(String model, ObjectNode body, String what) {
    try {
      return http.create(what, request("/v1/image_to_video").POST(ProviderHttp.json(body))
          .build()).path("id").asText("");
    } catch (StatusRuntimeException e) {
      if (e.getCause() instanceof HttpFailure f && f.status() == 404) {
        throw new ModelUnavailable("runway", model, f.words());
      }
      throw e;
    }
  }

  JsonNode task(String id, String what) {
    return http.call(what, request("/v1/tasks/" + id).GET().build());
  }

  void cancel(String id, String what) {
    http.call(what, request("/v1/tasks/" + id).DELETE().build());
  }

  /** Outputs are signed URLs on Runway's CDN: they expire within a day and take no secret. */
  void download(String url, Path out, String what) {
    http.download(what, url, Map.of(), out);
  }

  private HttpRequest.Builder request(String path) {
    return http.request(config.baseUrl() + path)
        .header("Authorization", "Bearer " + config.secret().orElseThrow())
        .header("X-Runway-Version", config.apiVersion())
        .header("Content-Type", "application/json");
  }
}
