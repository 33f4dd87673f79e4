package dev.reelmesh.orchestrator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the fake video APIs (fal queue, Gemini operations, Runway tasks) share: a loopback
 * server, per-endpoint call counts and scripted failures, the jobs created, and the output
 * files on a delivery path of the same server. Each subclass speaks its provider's protocol.
 */
public abstract class FakeVideoApi implements AutoCloseable {
  public static final String CREATE = "create";
  public static final String POLL = "poll";
  public static final String RESULT = "result";
  public static final String CANCEL = "cancel";
  public static final String FILE = "file";
  protected static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final ScriptedEndpoints endpoints = new ScriptedEndpoints();
  /** Each created job's id → "running" or "cancelled". */
  protected final Map<String, String> jobs = new ConcurrentHashMap<>();
  /** The body of each create call, in order. */
  public final List<com.fasterxml.jackson.databind.JsonNode> created =
      Collections.synchronizedList(new ArrayList<>());
  /** Every request's method and path ("GET /v1/tasks/abc"), in order. */
  public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  /** The credential header each file download carried ("" = none). */
  public final List<String> fileCredentials = Collections.synchronizedList(new ArrayList<>());
  /** Models whose create answers the provider's "not found". */
  public final Set<String> retired = ConcurrentHashMap.newKeySet();
  public volatile byte[] mp4 = new byte[0];
  /** What image outputs ("….png") serve. */
  public volatile byte[] png = new byte[0];
  /** While false, jobs stay queued or running. */
  public volatile boolean ready = true;
  /** When set, jobs end refused by the provider's moderation with these words. */
  public volatile String refuseWith;
  /** When set, jobs end failed (not a refusal) with these words. */
  public volatile String failWith;
  /** When true, output URLs answer 403 as an expired signed URL does. */
  public volatile boolean expired;

  protected void startServer() throws IOException {
    server = LoopbackHttp.start(handlers, this::dispatch,
        (exchange, bug) -> send(exchange, 500, error("fake server bug: " + bug)));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  protected String fileUrl(String id) {
    return baseUrl() + "/files/" + id + ".mp4";
  }

  public int count(String endpoint) {
    return endpoints.count(endpoint);
  }

  /** As a status for {@link #failNext}: the server drops the connection without answering. */
  public static final int DROP = ScriptedEndpoints.DROP;

  /** The next {@code times} calls to {@code endpoint} answer {@code status}, no Retry-After. */
  public void failNext(String endpoint, int status, int times) {
    endpoints.failNext(endpoint, status, times);
  }

  public void failAlways(String endpoint, int status) {
    endpoints.failAlways(endpoint, status);
  }

  /** Whether a request downloads an output file (served from {@link #mp4} / {@link #png}). */
  protected boolean isFile(String method, String path) {
    return path.contains("/files/");
  }

  /** Which endpoint a request is for (CREATE, POLL, RESULT, CANCEL). */
  protected abstract String route(String method, String path);

  /** Answers an API request the provider's way; credentials already checked. */
  protected abstract void answer(String endpoint, HttpExchange exchange, String path,
      byte[] body) throws IOException;

  /** Whether the request carries the provider's credentials (and required headers). */
  protected abstract boolean authorized(HttpExchange exchange);

  /** The provider's error body with {@code words}. */
  protected abstract byte[] error(String words);

  /** The header a file download may carry the credential in. */
  protected String credentialHeader() {
    return "Authorization";
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    String endpoint = isFile(method, path) ? FILE : route(method, path);
    requests.add(method + " " + path);
    Integer failure = endpoints.arrive(endpoint);
    if (failure != null) {
      send(exchange, failure, error("scripted " + failure + " from the fake"));
      return;
    }
    if (endpoint.equals(FILE)) {
      String credential = exchange.getRequestHeaders().getFirst(credentialHeader());
      fileCredentials.add(credential == null ? "" : credential);
      if (expired) {
        send(exchange, 403, error("Request has expired"));
        return;
      }
      byte[] file = path.endsWith(".png") ? png : mp4;
      exchange.getResponseHeaders().add("Content-Type", path.endsWith(".png") ? "image/png"
          : "video/mp4");
      exchange.sendResponseHeaders(200, file.length == 0 ? -1 : file.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(file);
      }
      return;
    }
    if (!authorized(exchange)) {
      send(exchange, 401, error("missing or wrong credentials"));
      return;
    }
    answer(endpoint, exchange, path, body);
  }

  protected static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
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
