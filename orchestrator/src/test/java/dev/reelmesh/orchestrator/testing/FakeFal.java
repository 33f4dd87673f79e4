package dev.reelmesh.orchestrator.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fal's queue on loopback, as its docs describe it: {@code POST /{owner}/{app}/{path}} answers
 * {@code request_id} and the status/response/cancel URLs, which use owner/app WITHOUT the
 * sub-path; status is IN_QUEUE (with queue_position) → IN_PROGRESS → COMPLETED; the result is
 * {@code {video: {url, content_type, file_size}}} (FLUX endpoints: {@code {images: [{url}],
 * has_nsfw_concepts}}), or a 422 whose detail carries the error type.
 */
public final class FakeFal extends FakeVideoApi {
  public static final String KEY = "fal-test-key-never-printed";
  /** request id → the endpoint it was submitted to. */
  private final Map<String, String> endpoints = new ConcurrentHashMap<>();
  private final Map<String, Integer> polls = new ConcurrentHashMap<>();
  /** When true, image results say the safety checker flagged them. */
  public volatile boolean flagImages;
  /** The {@code fal_webhook} query parameter of each submit, decoded ("" = none), in order. */
  public final List<String> webhooks = java.util.Collections.synchronizedList(
      new java.util.ArrayList<>());
  /**
   * The queue_position of a request's status polls while not ready, poll by poll; past the
   * list, the request is IN_PROGRESS.
   */
  public volatile List<Integer> queuePositions = List.of(2, 1);
  /** When true, every request first waits its queuePositions, even once ready. */
  public volatile boolean queueFirst;

  public static FakeFal start() throws IOException {
    FakeFal fake = new FakeFal();
    fake.startServer();
    return fake;
  }

  @Override
  protected String route(String method, String path) {
    if (!path.contains("/requests/")) {
      return CREATE;
    }
    return path.endsWith("/status") ? POLL : path.endsWith("/cancel") ? CANCEL : RESULT;
  }

  @Override
  protected boolean authorized(HttpExchange exchange) {
    return ("Key " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  @Override
  protected byte[] error(String words) {
    return json(Map.of("detail", words));
  }

  @Override
  protected void answer(String endpoint, HttpExchange exchange, String path, byte[] body)
      throws IOException {
    if (endpoint.equals(CREATE)) {
      String app = path.substring(1);
      if (retired.contains(app)) {
        send(exchange, 404, error("Application '" + app + "' not found"));
        return;
      }
      webhooks.add(queryParameter(exchange, "fal_webhook"));
      created.add(JSON.readTree(body));
      String id = "req-" + created.size();
      jobs.put(id, "running");
      endpoints.put(id, app);
      String base = baseUrl() + "/" + ownerApp(app) + "/requests/" + id;
      send(exchange, 200, json(Map.of("request_id", id, "response_url", base,
          "status_url", base + "/status", "cancel_url", base + "/cancel")));
      return;
    }
    String id = path.replaceAll(".*/requests/([^/]+).*", "$1");
    String app = endpoints.get(id);
    if (app == null || !path.startsWith("/" + ownerApp(app) + "/requests/")) {
      send(exchange, 404, error("Request " + id + " not found at " + path));
      return;
    }
    switch (endpoint) {
      case POLL -> send(exchange, 200, json(status(id)));
      case CANCEL -> {
        jobs.put(id, "cancelled");
        send(exchange, 202, json(Map.of("status", "CANCELLATION_REQUESTED")));
      }
      default -> result(exchange, id);
    }
  }

  private Map<String, Object> status(String id) {
    Map<String, Object> status = new LinkedHashMap<>();
    int poll = polls.merge(id, 1, Integer::sum);
    if (jobs.get(id).equals("cancelled")) {
      status.put("status", "COMPLETED");
      status.put("error", "Request was cancelled by the user");
      status.put("error_type", "request_cancelled");
    } else if ((!ready || queueFirst) && poll <= queuePositions.size()) {
      status.put("status", "IN_QUEUE");
      status.put("queue_position", queuePositions.get(poll - 1));
    } else if (!ready) {
      status.put("status", "IN_PROGRESS");
    } else if (failWith != null) {
      status.put("status", "COMPLETED");
      status.put("error", failWith);
      status.put("error_type", "runner_error");
    } else {
      status.put("status", "COMPLETED");
    }
    status.put("response_url", baseUrl() + "/" + ownerApp(endpoints.get(id)) + "/requests/"
        + id);
    return status;
  }

  private void result(HttpExchange exchange, String id) throws IOException {
    if (refuseWith != null) {
      send(exchange, 422, json(Map.of("detail", List.of(Map.of("loc", List.of("body",
          "prompt"), "msg", refuseWith, "type", "content_policy_violation")))));
      return;
    }
    if (endpoints.get(id).startsWith("fal-ai/flux")) {
      // An image endpoint: {images: [...], has_nsfw_concepts: [...]}, n as asked.
      int n = created.get(Integer.parseInt(id.substring("req-".length())) - 1)
          .path("num_images").asInt(1);
      List<Map<String, Object>> images = new java.util.ArrayList<>();
      List<Boolean> nsfw = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        images.add(Map.of("url", baseUrl() + "/files/" + id + "-" + i + ".png", "width", 64,
            "height", 64, "content_type", "image/png"));
        nsfw.add(flagImages);
      }
      send(exchange, 200, json(Map.of("images", images, "has_nsfw_concepts", nsfw,
          "seed", 42)));
      return;
    }
    send(exchange, 200, json(Map.of("video", Map.of("url", fileUrl(id), "content_type",
        "video/mp4", "file_size", mp4.length))));
  }

  private static String queryParameter(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(pair.substring(name.length() + 1),
            java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static String ownerApp(String endpoint) {
    String[] parts = endpoint.split("/");
    return parts[0] + "/" + parts[1];
  }
}
