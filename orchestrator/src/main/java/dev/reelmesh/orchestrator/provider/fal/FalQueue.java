package dev.reelmesh.orchestrator.provider.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.provider.registry.ModelUnavailable;
import dev.reelmesh.orchestrator.provider.remote.HttpFailure;
import dev.reelmesh.orchestrator.provider.remote.ProviderHttp;
import dev.reelmesh.orchestrator.provider.webhook.Webhooks;
import io.grpc.StatusRuntimeException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * fal's queue protocol: submit to {@code {queue}/{endpoint}}, then status, result and cancel
 * under {@code {queue}/{owner}/{app}/requests/{id}} (owner/app without the endpoint's
 * sub-path, as fal's docs say). The key goes only to the queue host, never to the file CDN.
 * With the webhook receiver reachable, a submit carries {@code ?fal_webhook=<its URL>} and a
 * verified callback for the request wakes its poller.
 */
final class FalQueue {
  private final FalConfig config;
  private final ProviderHttp http;
  private final Webhooks hooks;

  FalQueue(FalConfig config, Webhooks hooks) {
    this.config = config;
    this.http = new ProviderHttp("fal", config.timings());
    this.hooks = hooks;
  }

  ProviderHttp http() {
    return http;
  }

  /** The request id; a 404 (no such endpoint) is a permanent ModelUnavailable. */
  String submit(String endpoint, ObjectNode input, String what) {
    try {
      String url = config.queueUrl() + "/" + endpoint + hooks.settings().callbackUrl("fal")
          .map(hook -> "?fal_webhook=" + URLEncoder.encode(hook, StandardCharsets.UTF_8))
          .orElse("");
      JsonNode answer = http.create(what, request(url).POST(ProviderHttp.json(input)).build());
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

  /** Whether a verified fal callback came for request {@code id} since the last ask. */
  boolean woken(String id) {
    return hooks.wakeups().take("fal", id);
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
