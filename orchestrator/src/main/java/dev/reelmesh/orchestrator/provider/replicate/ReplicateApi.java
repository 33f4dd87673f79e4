package dev.reelmesh.orchestrator.provider.replicate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.provider.registry.ModelUnavailable;
import dev.reelmesh.orchestrator.provider.remote.HttpFailure;
import dev.reelmesh.orchestrator.provider.remote.ProviderHttp;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The few calls of a Replicate-style prediction API, over the shared ProviderHttp (its retry,
 * backoff and create rules): create a prediction by model ({@code /models/{owner}/{name}/
 * predictions}) or by pinned version ({@code /predictions}), get it, cancel it, download an
 * output file.
 */
final class ReplicateApi {
  private final ReplicateConfig config;
  private final ProviderHttp http;

  ReplicateApi(ReplicateConfig config) {
    this.config = config;
    this.http = new ProviderHttp("Replicate", config.timings());
  }

  /**
   * The prediction's id; a model that is gone (or never was) is ModelUnavailable, uncharged.
   *
   * @param webhook where Replicate calls back when the prediction completes, if anywhere
   */
  String create(ObjectNode input, Optional<String> webhook, String what) {
    String model = config.model().orElseThrow();
    int colon = model.indexOf(':');
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    String path;
    if (colon < 0) {
      path = "/models/" + model + "/predictions";
    } else {
      path = "/predictions";
      body.put("version", model.substring(colon + 1));
    }
    body.set("input", input);
    webhook.ifPresent(url -> {
      body.put("webhook", url);
      body.putArray("webhook_events_filter").add("completed");
    });
    try {
      return Prediction.of(http.create(what, request(path).POST(ProviderHttp.json(body))
          .build())).id();
    } catch (StatusRuntimeException e) {
      if (e.getCause() instanceof HttpFailure f && (f.status() == 404 || f.status() == 410)) {
        throw new ModelUnavailable("replicate", model, e.getStatus().getDescription());
      }
      throw e;
    }
  }

  Prediction get(String id, String what) {
    return Prediction.of(http.call(what, request("/predictions/" + id).GET().build()));
  }

  /** Asks the provider to stop (and stop billing). */
  void cancel(String id, String what) {
    http.call(what, request("/predictions/" + id + "/cancel")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** Output files live on the provider's delivery host and take no API token. */
  void download(String url, Path out, String what) {
    http.download(what, url, Map.of(), out);
  }

  private HttpRequest.Builder request(String path) {
    return http.request(config.baseUrl() + path)
        .header("Authorization", "Bearer " + config.token().orElseThrow())
        .header("Content-Type", "application/json");
  }
}
