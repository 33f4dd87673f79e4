package dev.reelmesh.orchestrator.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The Gemini API's Veo calls on loopback, as its docs describe them:
 * {@code POST /v1beta/models/{model}:predictLongRunning} answers an operation {@code name};
 * {@code GET /v1beta/{name}} answers {@code done} and then
 * {@code response.generateVideoResponse.generatedSamples[].video.uri} (downloaded with the key),
 * or the Responsible-AI filter's reasons, or an {@code error}. Unknown models answer 404.
 */
public final class FakeGemini extends FakeVideoApi {
  public static final String KEY = "gemini-test-key-never-printed";

  public static FakeGemini start() throws IOException {
    FakeGemini fake = new FakeGemini();
    fake.startServer();
    return fake;
  }

  @Override
  protected String route(String method, String path) {
    return path.endsWith(":predictLongRunning") ? CREATE : path.endsWith(":cancel") ? CANCEL
        : POLL;
  }

  @Override
  protected String credentialHeader() {
    return "x-goog-api-key";
  }

  @Override
  protected boolean authorized(HttpExchange exchange) {
    return KEY.equals(exchange.getRequestHeaders().getFirst("x-goog-api-key"));
  }

  @Override
  protected byte[] error(String words) {
    return json(Map.of("error", Map.of("code", 400, "message", words, "status", "ERROR")));
  }

  @Override
  protected void answer(String endpoint, HttpExchange exchange, String path, byte[] body)
      throws IOException {
    switch (endpoint) {
      case CREATE -> {
        String model = path.replaceAll(".*/models/([^:]+):predictLongRunning", "$1");
        if (retired.contains(model)) {
          send(exchange, 404, json(Map.of("error", Map.of("code", 404, "message", "models/"
              + model + " is not found for API version v1beta, or is not supported for "
              + "predictLongRunning.", "status", "NOT_FOUND"))));
          return;
        }
        created.add(JSON.readTree(body));
        String name = "models/" + model + "/operations/op" + created.size();
        jobs.put(name, "running");
        send(exchange, 200, json(Map.of("name", name)));
      }
      case CANCEL -> {
        jobs.put(name(path).replaceAll(":cancel$", ""), "cancelled");
        send(exchange, 200, json(Map.of()));
      }
      default -> operation(exchange, name(path));
    }
  }

  private static String name(String path) {
    return path.substring("/v1beta/".length());
  }

  private void operation(HttpExchange exchange, String name) throws IOException {
    String state = jobs.get(name);
    if (state == null) {
      send(exchange, 404, error("operation " + name + " not found"));
    } else if (state.equals("cancelled")) {
      send(exchange, 200, json(Map.of("name", name, "done", true, "error",
          Map.of("code", 1, "message", "Operation was cancelled"))));
    } else if (!ready) {
      send(exchange, 200, json(Map.of("name", name)));
    } else if (failWith != null) {
      send(exchange, 200, json(Map.of("name", name, "done", true, "error",
          Map.of("code", 13, "message", failWith))));
    } else if (refuseWith != null) {
      send(exchange, 200, json(Map.of("name", name, "done", true, "response", Map.of(
          "generateVideoResponse", Map.of("raiMediaFilteredCount", 1,
              "raiMediaFilteredReasons", List.of(refuseWith))))));
    } else {
      String uri = baseUrl() + "/v1beta/files/" + name.replace('/', '-') + ":download";
      send(exchange, 200, json(Map.of("name", name, "done", true, "response", Map.of(
          "@type", "type.googleapis.com/google.ai.generativelanguage.v1beta."
              + "PredictLongRunningResponse", "generateVideoResponse", Map.of(
              "generatedSamples", List.of(Map.of("video", Map.of("uri", uri))))))));
    }
  }
}
