package dev.reelmesh.orchestrator.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runway's task API on loopback, as its docs describe it: {@code POST /v1/image_to_video}
 * answers {@code {id}}; {@code GET /v1/tasks/{id}} answers PENDING / THROTTLED / RUNNING (with
 * progress) / SUCCEEDED (with {@code output} URLs) / FAILED (with {@code failure} and
 * {@code failureCode}) / CANCELLED; {@code DELETE /v1/tasks/{id}} cancels. Every call must carry
 * the bearer secret and {@code X-Runway-Version}.
 */
public final class FakeRunway extends FakeVideoApi {
  public static final String SECRET = "key_runway_test_never_printed";
  private final Map<String, Integer> polls = new ConcurrentHashMap<>();

  public static FakeRunway start() throws IOException {
    FakeRunway fake = new FakeRunway();
    fake.startServer();
    return fake;
  }

  @Override
  protected String route(String method, String path) {
    return method.equals("POST") ? CREATE : method.equals("DELETE") ? CANCEL : POLL;
  }

  @Override
  protected boolean authorized(HttpExchange exchange) {
    return ("Bearer " + SECRET).equals(exchange.getRequestHeaders().getFirst("Authorization"))
        && "2024-11-06".equals(exchange.getRequestHeaders().getFirst("X-Runway-Version"));
  }

  @Override
  protected byte[] error(String words) {
    return json(Map.of("error", words));
  }

  @Override
  protected void answer(String endpoint, HttpExchange exchange, String path, byte[] body)
      throws IOException {
    switch (endpoint) {
      case CREATE -> {
        var request = JSON.readTree(body);
        if (retired.contains(request.path("model").asText())) {
          send(exchange, 404, error("Model " + request.path("model").asText() + " not found"));
          return;
        }
        created.add(request);
        String id = "task-" + created.size();
        jobs.put(id, "running");
        send(exchange, 200, json(Map.of("id", id)));
      }
      case CANCEL -> {
        jobs.put(path.substring(path.lastIndexOf('/') + 1), "cancelled");
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
      }
      default -> task(exchange, path.substring(path.lastIndexOf('/') + 1));
    }
  }

  private void task(HttpExchange exchange, String id) throws IOException {
    String state = jobs.get(id);
    if (state == null) {
      send(exchange, 404, error("Task not found"));
      return;
    }
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("id", id);
    task.put("createdAt", "2026-12-01T12:00:00.000Z");
    int poll = polls.merge(id, 1, Integer::sum);
    if (state.equals("cancelled")) {
      task.put("status", "CANCELLED");
    } else if (!ready) {
      task.put("status", poll == 1 ? "PENDING" : poll == 2 ? "THROTTLED" : "RUNNING");
      if (poll > 2) {
        task.put("progress", Math.min(0.9, 0.1 * poll));
      }
    } else if (refuseWith != null) {
      task.put("status", "FAILED");
      task.put("failure", refuseWith);
      task.put("failureCode", "SAFETY.INPUT.TEXT");
    } else if (failWith != null) {
      task.put("status", "FAILED");
      task.put("failure", failWith);
      task.put("failureCode", "INTERNAL.BAD_OUTPUT.CODE01");
    } else {
      task.put("status", "SUCCEEDED");
      task.put("output", List.of(fileUrl(id)));
    }
    send(exchange, 200, json(task));
  }
}
