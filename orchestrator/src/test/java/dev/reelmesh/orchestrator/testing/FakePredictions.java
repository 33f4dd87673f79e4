package dev.reelmesh.orchestrator.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replicate's prediction API on loopback for the shared video-provider contract:
 * {@code POST /v1/models/{owner}/{name}/predictions} answers a prediction (201);
 * {@code GET /v1/predictions/{id}} answers starting / processing / succeeded (with
 * {@code output}) / failed (with {@code error}) / canceled; {@code POST …/cancel} cancels.
 */
public final class FakePredictions extends FakeVideoApi {
  public static final String TOKEN = "r8_contract_never_printed";

  public static FakePredictions start() throws IOException {
    FakePredictions fake = new FakePredictions();
    fake.startServer();
    return fake;
  }

  @Override
  protected String route(String method, String path) {
    return path.endsWith("/cancel") ? CANCEL : method.equals("POST") ? CREATE : POLL;
  }

  @Override
  protected boolean authorized(HttpExchange exchange) {
    return ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  @Override
  protected byte[] error(String words) {
    return json(Map.of("title", "error", "detail", words));
  }

  @Override
  protected void answer(String endpoint, HttpExchange exchange, String path, byte[] body)
      throws IOException {
    switch (endpoint) {
      case CREATE -> {
        String model = path.replaceAll("^/v1/models/(.+)/predictions$", "$1");
        if (retired.contains(model)) {
          send(exchange, 404, json(Map.of("title", "Not found", "detail",
              "The requested model " + model + " was not found")));
          return;
        }
        created.add(JSON.readTree(body));
        String id = "pred" + created.size();
        jobs.put(id, "running");
        send(exchange, 201, json(prediction(id, "starting", null, null)));
      }
      case CANCEL -> {
        String[] parts = path.split("/");
        jobs.put(parts[parts.length - 2], "cancelled");
        send(exchange, 200, json(prediction(parts[parts.length - 2], "canceled", null, null)));
      }
      default -> {
        String id = path.substring(path.lastIndexOf('/') + 1);
        String state = jobs.get(id);
        if (state == null) {
          send(exchange, 404, error("no prediction " + id));
        } else if (state.equals("cancelled")) {
          send(exchange, 200, json(prediction(id, "canceled", null, null)));
        } else if (!ready) {
          send(exchange, 200, json(prediction(id, "processing", null, null)));
        } else if (refuseWith != null || failWith != null) {
          send(exchange, 200, json(prediction(id, "failed", null,
              refuseWith != null ? refuseWith : failWith)));
        } else {
          send(exchange, 200, json(prediction(id, "succeeded", fileUrl(id), null)));
        }
      }
    }
  }

  private static Map<String, Object> prediction(String id, String status, String output,
      String error) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", id);
    p.put("status", status);
    p.put("output", output == null ? null : List.of(output));
    p.put("error", error);
    return p;
  }
}
