package dev.reelmesh.orchestrator.provider.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.provider.registry.ModelUnavailable;
import dev.reelmesh.orchestrator.provider.remote.HttpFailure;
import dev.reelmesh.orchestrator.provider.remote.ProviderHttp;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpRequest;

/**
 * fal's queue protocol: submit to {@code {queue}/{endpoint}}, then status, result and cancel
 * under {@code {queue}/{owner}/{app}/requests/{id}} (owner/app without the endpoint's
 * sub-path, as fal's docs say). The key goes only to the queue host, never to the file CDN.
 */
final class FalQueue {
  private final FalConfig config;
  private final ProviderHttp http;

  FalQueue(FalConfig config) {
    this.config = config;
    this.http = new ProviderHttp("fal", config.timings());
  }

  ProviderHttp http() {
    return http;
  }

  /** The request id; a 404 (no such endpoint) is a permanent ModelUnavailable. */
  String submit(String endpoint, ObjectNode input, String what) {
    try {
      JsonNode answer = http.create(what, request(config.queueUrl() + "/" + endpoint)
          .POST(ProviderHttp.json(input)).build());
      return answer.path("request_id").asText("");
    } catch (StatusRuntimeException e) {
      if (e.getCause() instanceof HttpFailure f && f.status() == 404) {
        throw new ModelUnavailable("fal", endpoint, f.words());
      }
      throw e;
    }
  }

  JsonNode status(String endpoint, String id, String what) {
    return http.call(what, request(requests(endpoint, id) + "/status").GET().build());
  }

  JsonNode result(String endpoint, String id, String what) {
    return http.call(what, request(requests(endpoint, id)).GET().build());
  }

  void cancel(String endpoint, String id, String what) {
    http.call(what, request(requests(endpoint, id) + "/cancel")
        .PUT(HttpRequest.BodyPublishers.noBody()).build());
  }

  private String requests(String endpoint, String id) {
    String[] parts = endpoint.split("/");
    return config.queueUrl() + "/" + parts[0] + "/" + parts[1] + "/requests/" + id;
  }

  private HttpRequest.Builder request(String url) {
    return http.request(url).header("Authorization", "Key " + config.key().orElseThrow())
        .header("Content-Type", "application/json");
  }
}
