package dev.reelmesh.orchestrator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Replicate-style prediction API on loopback: create (by model or by version), get, cancel,
 * and the output files on a delivery path of the same server.
 */
public final class FakeReplicate implements AutoCloseable {
  public static final String CREATE = "create";
  public static final String GET = "get";
  public static final String CANCEL = "cancel";
  public static final String FILE = "file";
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final ScriptedEndpoints endpoints = new ScriptedEndpoints();
  private final Map<String, String> states = new ConcurrentHashMap<>();
  /** The input of each created prediction, in order. */
  public final List<JsonNode> inputs = Collections.synchronizedList(new ArrayList<>());
  public final List<String> createPaths = Collections.synchronizedList(new ArrayList<>());
  /** The webhook URL each created prediction asked for ("" = none). */
  public final List<String> webhooks = Collections.synchronizedList(new ArrayList<>());
  public final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  public volatile byte[] mp4;
  /** While false, predictions stay "processing". */
  public volatile boolean ready = true;
  /** When set, predictions end "failed" with this error. */
  public volatile String failWith;
  /** A model ("owner/name") that is gone: creating a prediction on it answers 404. */
  public volatile String goneModel;


  public static FakeReplicate start() throws IOException {
    FakeReplicate fake = new FakeReplicate();
    fake.server = LoopbackHttp.start(fake.handlers, fake::handle,
        (exchange, bug) -> fake.send(exchange, 500, detail("fake server bug: " + bug)));
    return fake;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public int count(String endpoint) {
    return endpoints.count(endpoint);
  }

  public int total() {
    return endpoints.total();
  }

  /** The next {@code times} requests to {@code endpoint} answer {@code status}. */
  public void failNext(String endpoint, int status, int times) {
    endpoints.failNext(endpoint, status, times);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    String endpoint = path.startsWith("/files/") ? FILE
        : path.endsWith("/cancel") ? CANCEL
        : method.equals("POST") ? CREATE : GET;
    Integer failure = endpoints.arrive(endpoint);
    if (!endpoint.equals(FILE)) {
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    }
    if (failure != null) {
      exchange.getResponseHeaders().add("Retry-After", "0.001");
      send(exchange, failure, detail("scripted " + failure));
      return;
    }
    switch (endpoint) {
      case CREATE -> {
        if (goneModel != null && path.contains("/models/" + goneModel + "/")) {
          send(exchange, 404, detail("model " + goneModel + " not found (it was deleted)"));
          return;
        }
        JsonNode request = JSON.readTree(body);
        inputs.add(request.path("input"));
        webhooks.add(request.path("webhook").asText(""));
        createPaths.add(path + (request.has("version") ? "@" + request.get("version").asText()
            : ""));
        String id = "pred" + inputs.size();
        states.put(id, "starting");
        send(exchange, 201, prediction(id, "starting", null));
      }
      case GET -> {
        String id = path.substring(path.lastIndexOf('/') + 1);
        String state = states.get(id);
        if (state == null) {
          send(exchange, 404, detail("no prediction " + id));
        } else if (state.equals("canceled")) {
          send(exchange, 200, prediction(id, "canceled", null));
        } else if (failWith != null) {
          send(exchange, 200, prediction(id, "failed", null));
        } else {
          send(exchange, 200, ready ? prediction(id, "succeeded", "http://127.0.0.1:"
              + server.getAddress().getPort() + "/files/" + id + ".mp4")
              : prediction(id, "processing", null));
        }
      }
      case CANCEL -> {
        String[] parts = path.split("/");
        String id = parts[parts.length - 2];
        states.put(id, "canceled");
        send(exchange, 200, prediction(id, "canceled", null));
      }
      default -> {
        exchange.getResponseHeaders().add("Content-Type", "video/mp4");
        exchange.sendResponseHeaders(200, mp4.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(mp4);
        }
      }
    }
  }

  private byte[] prediction(String id, String status, String output) throws IOException {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", id);
    p.put("status", status);
    p.put("output", output == null ? null : List.of(output));
    p.put("error", "failed".equals(status) ? failWith : null);
    return JSON.writeValueAsBytes(p);
  }

  private static byte[] detail(String message) {
    try {
      return JSON.writeValueAsBytes(Map.of("title", "error", "detail", message));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
