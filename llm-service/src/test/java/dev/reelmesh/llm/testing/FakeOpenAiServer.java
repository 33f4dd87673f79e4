package dev.reelmesh.llm.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat server on loopback for the real openai-java client. Tests script the
 * answers in order (the last one repeats), and read back every request body it received.
 */
public final class FakeOpenAiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final Deque<Scripted> script = new ArrayDeque<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private Scripted last = Scripted.status(500, "{\"error\":{\"message\":\"nothing scripted\"}}");

  /** One scripted answer: status, body, and how long to wait before answering. */
  public record Scripted(int status, String body, long delayMillis) {
    public static Scripted status(int status, String body) {
      return new Scripted(status, body, 0);
    }
  }

  private FakeOpenAiServer(HttpServer server) {
    this.server = server;
  }

  public static FakeOpenAiServer start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeOpenAiServer fake = new FakeOpenAiServer(http);
    http.createContext("/", fake::handle);
    // One thread per exchange: a slow scripted answer must not hold back the client's retry.
    http.setExecutor(fake.handlers);
    http.start();
    return fake;
  }

  /** Base URL for openai-java: it appends "/chat/completions". */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public synchronized FakeOpenAiServer then(Scripted answer) {
    script.add(answer);
    return this;
  }

  /** A chat completion whose message content is {@code content}, with token usage. */
  public FakeOpenAiServer thenChat(String content, long promptTokens, long completionTokens) {
    return then(Scripted.status(200, completion(content, promptTokens, completionTokens)));
  }

  public FakeOpenAiServer thenStatus(int status) {
    return then(Scripted.status(status, "{\"error\":{\"message\":\"scripted " + status + "\",\"type\":\"server_error\"}}"));
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  public int requestCount() {
    return requests.size();
  }

  public static String completion(String content, long promptTokens, long completionTokens) {
    try {
      return JSON.writeValueAsString(Map.of(
          "id", "chatcmpl-fake", "object", "chat.completion", "created", 1_700_000_000L, "model", "gpt-4o",
          "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
              "message", Map.of("role", "assistant", "content", content))),
          "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
              "total_tokens", promptTokens + completionTokens)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A chat completion that calls tools: {@code calls} are (id, function name, arguments JSON). */
  public FakeOpenAiServer thenToolCalls(String content, List<List<String>> calls) {
    try {
      List<Map<String, Object>> toolCalls = new ArrayList<>();
      for (List<String> call : calls) {
        toolCalls.add(Map.of("id", call.get(0), "type", "function",
            "function", Map.of("name", call.get(1), "arguments", call.get(2))));
      }
      Map<String, Object> message = new java.util.HashMap<>(Map.of("role", "assistant",
          "tool_calls", toolCalls));
      message.put("content", content);
      return then(Scripted.status(200, JSON.writeValueAsString(Map.of(
          "id", "chatcmpl-fake", "object", "chat.completion", "created", 1_700_000_000L,
          "model", "gpt-4o", "choices", List.of(Map.of("index", 0, "finish_reason", "tool_calls",
              "message", message)),
          "usage", Map.of("prompt_tokens", 400, "completion_tokens", 40, "total_tokens", 440)))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] in = exchange.getRequestBody().readAllBytes();
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n"
        + new String(in, StandardCharsets.UTF_8));
    Scripted answer;
    synchronized (this) {
      answer = script.isEmpty() ? last : script.poll();
      last = answer;
    }
    if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
      answer = Scripted.status(404, "{\"error\":{\"message\":\"unknown path\"}}");
    }
    if (answer.delayMillis() > 0) {
      try {
        Thread.sleep(answer.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
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
