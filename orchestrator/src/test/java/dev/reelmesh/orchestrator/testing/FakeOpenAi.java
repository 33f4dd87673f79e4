package dev.reelmesh.orchestrator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat / images / audio speech / videos server on loopback for the real
 * openai-java client. It answers with real media the test made (a PNG as b64_json, a WAV, an
 * MP4), counts every request per endpoint, and fails on purpose where a test scripts it.
 */
public final class FakeOpenAi implements AutoCloseable {
  public static final String GENERATIONS = "/v1/images/generations";
  public static final String EDITS = "/v1/images/edits";
  public static final String SPEECH = "/v1/audio/speech";
  public static final String VIDEOS = "/v1/videos";
  public static final String VIDEO_STATUS = "/v1/videos/{id}";
  public static final String VIDEO_CONTENT = "/v1/videos/{id}/content";
  /** {@code DELETE /v1/videos/{id}}: what a user's cancel sends. */
  public static final String VIDEO_DELETE = "DELETE /v1/videos/{id}";
  public static final String CHAT = "/v1/chat/completions";
  /** The critic's verdict: above the enhancement target, so one critique ends the loop. */
  static final String CRITIQUE = "{\"score\":90,\"critique\":\"clear and specific\","
      + "\"missing\":[]}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern N_FIELD = Pattern.compile("name=\"n\".*?\r\n\r\n(\\d+)",
      Pattern.DOTALL);
  private static final Pattern SECONDS_FIELD = Pattern.compile(
      "name=\"seconds\".*?\r\n\r\n(\\d+)", Pattern.DOTALL);

  private HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final ScriptedEndpoints endpoints = new ScriptedEndpoints();
  private final Map<String, String> videoSeconds = new ConcurrentHashMap<>();
  public final List<String> createdVideos = Collections.synchronizedList(new ArrayList<>());
  public final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  /** For each images/edits request, how many reference images it carried. */
  public final List<Integer> editImageParts = Collections.synchronizedList(new ArrayList<>());
  public volatile byte[] png;
  public volatile byte[] wav;
  public volatile byte[] mp4;
  /** While false, every video stays "in_progress". */
  public volatile boolean videosReady = true;
  /** Where a crash test kills the client process; null: never. */
  public volatile Crashes crashes;
  /** Every paid request the fake answered (it bills as soon as it accepts one). */
  public final List<Bill> bills = Collections.synchronizedList(new ArrayList<>());

  /**
   * One billed request: the endpoint, its units (images, characters, seconds; a chat's input
   * tokens) and size; a chat's output tokens.
   */
  public record Bill(String endpoint, int units, String size, int outputTokens) {
    Bill(String endpoint, int units, String size) {
      this(endpoint, units, size, 0);
    }
  }

  /** When to kill the process under test, per request (the n-th to an endpoint, from 1). */
  public interface Crashes {
    Kill at(String endpoint, int nth);

    /** Kills the process (SIGKILL) and returns once it is gone. */
    void kill();
  }

  public enum Kill { NONE, BEFORE_RESPONSE, AFTER_RESPONSE, MID_BODY }
  private static final Pattern SIZE_FIELD = Pattern.compile(
      "name=\"size\".*?\r\n\r\n([0-9x]+)", Pattern.DOTALL);


  public static FakeOpenAi start() throws IOException {
    FakeOpenAi fake = new FakeOpenAi();
    fake.server = LoopbackHttp.start(fake.handlers, fake::handle,
        (exchange, bug) -> fake.send(exchange, 500, "application/json", error("fake server bug: " + bug)));
    return fake;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** As a status for {@link #failNext}: the connection is dropped without an answer. */
  public static final int DROP = ScriptedEndpoints.DROP;

  /** The next {@code times} requests to {@code endpoint} answer {@code status}. */
  public void failNext(String endpoint, int status, int times) {
    endpoints.failNext(endpoint, status, times);
  }

  /**
   * A share of all calls fail at random: 429, 500 (no Retry-After) or a dropped connection. A
   * video create gets only 429s: it starts paid work, and after a 500 or a drop the client
   * cannot know whether it did, so it rightly fails without retrying. The video status and
   * content GETs get no drops: the JDK HTTP client the gateway is called with replays a GET once
   * by itself when its connection closes before any byte of an answer (a pooled connection the
   * server closed), which this fake would count as a failure no retry event answered.
   */
  public void flaky(double rate, long seed) {
    endpoints.limitFlaky(VIDEOS, -429);
    endpoints.limitFlaky(VIDEO_STATUS, -429, -500);
    endpoints.limitFlaky(VIDEO_CONTENT, -429, -500);
    endpoints.flaky(rate, seed);
  }

  public int flakyFailures() {
    return endpoints.flakyFailures();
  }

  public int count(String endpoint) {
    return endpoints.count(endpoint);
  }

  public int total() {
    return endpoints.total();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    String endpoint = !path.startsWith(VIDEOS + "/") ? path : path.endsWith("/content")
        ? VIDEO_CONTENT : method.equals("DELETE") ? VIDEO_DELETE : VIDEO_STATUS;
    Integer failure = endpoints.arrive(endpoint);
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    if (failure != null && failure == ScriptedEndpoints.DROP) {
      exchange.close(); // no answer at all: the client sees the connection end
      return;
    }
    if (failure != null && failure < 0) {
      send(exchange, -failure, "application/json", error("flaky " + -failure));
      return;
    }
    if (failure != null) {
      exchange.getResponseHeaders().add("retry-after-ms", "1");
      send(exchange, failure, "application/json", error("scripted " + failure));
      return;
    }
    String text = new String(body, StandardCharsets.ISO_8859_1);
    Crashes crash = crashes;
    Kill kill = crash == null ? Kill.NONE : crash.at(endpoint, endpoints.count(endpoint));
    switch (endpoint) {
      case GENERATIONS -> {
        int n = JSON.readTree(body).path("n").asInt(1);
        bill(endpoint, n, JSON.readTree(body).path("size").asText(), kill);
        images(exchange, n);
      }
      case EDITS -> {
        editImageParts.add(text.split("name=\"image", -1).length - 1);
        int n = field(N_FIELD, text, 1);
        Matcher size = SIZE_FIELD.matcher(text);
        bill(endpoint, n, size.find() ? size.group(1) : "", kill);
        images(exchange, n);
      }
      case SPEECH -> {
        bill(endpoint, JSON.readTree(body).path("input").asText().length(), "", kill);
        send(exchange, 200, "audio/wav", wav);
      }
      case VIDEOS -> {
        String id = "video_" + (createdVideos.size() + 1) + "_"
            + Long.toHexString(System.nanoTime());
        int seconds = field(SECONDS_FIELD, text, 4);
        Matcher size = SIZE_FIELD.matcher(text);
        bill(endpoint, seconds, size.find() ? size.group(1) : "", kill);
        createdVideos.add(id);
        videoSeconds.put(id, String.valueOf(seconds));
        send(exchange, 200, "application/json", video(id, "queued", 0));
      }
      case VIDEO_STATUS -> {
        String id = path.substring(path.lastIndexOf('/') + 1);
        if (!videoSeconds.containsKey(id)) {
          send(exchange, 404, "application/json", error("no video " + id));
        } else {
          exchange.getResponseHeaders().add("retry-after-ms", "5");
          send(exchange, 200, "application/json", videosReady
              ? video(id, "completed", 100) : video(id, "in_progress", 40));
        }
      }
      case VIDEO_DELETE -> {
        String id = path.substring(path.lastIndexOf('/') + 1);
        if (videoSeconds.remove(id) == null) {
          send(exchange, 404, "application/json", error("no video " + id));
        } else {
          send(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of("id", id,
              "object", "video.deleted", "deleted", true)));
        }
      }
      case VIDEO_CONTENT -> {
        if (kill == Kill.MID_BODY) {
          exchange.getResponseHeaders().add("Content-Type", "video/mp4");
          exchange.sendResponseHeaders(200, mp4.length);
          exchange.getResponseBody().write(mp4, 0, mp4.length / 2);
          exchange.getResponseBody().flush();
          crash.kill();
          exchange.close();
          return;
        }
        send(exchange, 200, "video/mp4", mp4);
      }
      case CHAT -> chat(exchange, body, kill);
      default -> send(exchange, 404, "application/json", error(method + " " + path));
    }
    if (kill == Kill.AFTER_RESPONSE) {
      crash.kill();
    }
  }

  /**
   * A structured chat answer: the critic's verdict for a critique; for any other schema an
   * empty object, which the LLM service cannot use and answers offline instead (a fallback),
   * the call still billed. Tokens: a quarter of the request's and the answer's bytes.
   */
  private void chat(HttpExchange exchange, byte[] body, Kill kill) throws IOException {
    String schema = JSON.readTree(body).path("response_format").path("json_schema")
        .path("name").asText();
    String content = "critique".equals(schema) ? CRITIQUE : "{}";
    int in = body.length / 4 + 1;
    int out = content.length() / 4 + 1;
    bills.add(new Bill(CHAT, in, "", out));
    if (kill == Kill.BEFORE_RESPONSE) {
      crashes.kill();
    }
    send(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of(
        "id", "chatcmpl-fake", "object", "chat.completion", "created", 1_700_000_000L,
        "model", "gpt-4o", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
            "message", Map.of("role", "assistant", "content", content))),
        "usage", Map.of("prompt_tokens", in, "completion_tokens", out,
            "total_tokens", in + out))));
  }

  /** The request is billed once accepted; a kill scripted "before the response" happens now. */
  private void bill(String endpoint, int units, String size, Kill kill) {
    bills.add(new Bill(endpoint, units, size));
    if (kill == Kill.BEFORE_RESPONSE) {
      crashes.kill();
    }
  }

  /** A failure that never ends: every request to {@code endpoint} answers {@code status}. */
  public void failAlways(String endpoint, int status) {
    endpoints.failAlways(endpoint, status);
  }

  private void images(HttpExchange exchange, int n) throws IOException {
    List<Map<String, Object>> data = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      data.add(Map.of("b64_json", Base64.getEncoder().encodeToString(png)));
    }
    send(exchange, 200, "application/json", JSON.writeValueAsBytes(Map.of(
        "created", 1_700_000_000L, "data", data)));
  }

  private byte[] video(String id, String status, int progress) throws IOException {
    return JSON.writeValueAsBytes(Map.of("id", id, "object", "video", "created_at",
        1_700_000_000L, "model", "sora-2", "progress", progress, "seconds",
        videoSeconds.get(id), "size", "1280x720", "status", status));
  }

  private static int field(Pattern pattern, String text, int fallback) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : fallback;
  }

  private static byte[] error(String message) {
    try {
      return JSON.writeValueAsBytes(Map.of("error", Map.of("message", message,
          "type", "server_error")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
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
