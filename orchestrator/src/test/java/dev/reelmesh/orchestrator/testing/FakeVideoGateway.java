package dev.reelmesh.orchestrator.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * An OpenAI-compatible gateway's {@code /v1/videos} API (the Sora-2 protocol) on loopback, as
 * OpenAI's reference describes it: {@code POST /v1/videos} takes a multipart form (model, prompt,
 * seconds, size, input_reference) and answers a video object {@code queued}; {@code GET
 * /v1/videos/{id}} answers queued / in_progress (with progress) / completed / failed (with
 * {@code error: {code, message}}); {@code GET /v1/videos/{id}/content} streams the MP4;
 * {@code DELETE /v1/videos/{id}} deletes the video ({@code video.deleted}), which this gateway
 * also accepts while it renders, stopping it. Every call must carry the bearer key.
 */
public final class FakeVideoGateway extends FakeVideoApi {
  public static final String KEY = "sk-gateway-test-never-printed";
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern DISPOSITION = Pattern.compile(
      "name=\"([^\"]+)\"(?:; filename=\"([^\"]+)\")?");
  private final Map<String, Integer> polls = new ConcurrentHashMap<>();
  private final Map<String, String> seconds = new ConcurrentHashMap<>();

  public static FakeVideoGateway start() throws IOException {
    FakeVideoGateway fake = new FakeVideoGateway();
    fake.startServer();
    return fake;
  }

  /** The base URL a client is given, with the API version as OpenAI's has it. */
  public String apiUrl() {
    return baseUrl() + "/v1";
  }

  @Override
  protected boolean isFile(String method, String path) {
    return path.endsWith("/content");
  }

  @Override
  protected String route(String method, String path) {
    return method.equals("POST") ? CREATE : method.equals("DELETE") ? CANCEL : POLL;
  }

  @Override
  protected boolean authorized(HttpExchange exchange) {
    return ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  @Override
  protected byte[] error(String words) {
    return json(Map.of("error", Map.of("message", words, "type", "invalid_request_error")));
  }

  @Override
  protected void answer(String endpoint, HttpExchange exchange, String path, byte[] body)
      throws IOException {
    String id = path.substring(path.lastIndexOf('/') + 1);
    switch (endpoint) {
      case CREATE -> {
        ObjectNode form = form(exchange.getRequestHeaders().getFirst("Content-Type"), body);
        String model = form.path("model").asText();
        if (retired.contains(model)) {
          send(exchange, 404, json(Map.of("error", Map.of("message", "The model '" + model
              + "' was not found on this gateway", "type", "invalid_request_error",
              "code", "model_not_found"))));
          return;
        }
        created.add(form);
        String video = "video_" + created.size();
        jobs.put(video, "running");
        seconds.put(video, form.path("seconds").asText("4"));
        send(exchange, 200, json(video(video, "queued", 0, form.path("size").asText())));
      }
      case CANCEL -> {
        if (jobs.replace(id, "cancelled") == null) {
          send(exchange, 404, error("No video found with id '" + id + "'"));
          return;
        }
        send(exchange, 200, json(Map.of("id", id, "object", "video.deleted", "deleted", true)));
      }
      default -> status(exchange, id);
    }
  }

  private void status(HttpExchange exchange, String id) throws IOException {
    String state = jobs.get(id);
    if (state == null || state.equals("cancelled")) {
      send(exchange, 404, error("No video found with id '" + id + "'"));
      return;
    }
    int poll = polls.merge(id, 1, Integer::sum);
    Map<String, Object> video;
    if (!ready) {
      video = video(id, poll == 1 ? "queued" : "in_progress", Math.min(90, 10 * poll),
          "1280x720");
    } else if (refuseWith != null || failWith != null) {
      video = video(id, "failed", 0, "1280x720");
      video.put("error", Map.of("code", refuseWith != null ? "moderation_blocked"
          : "internal_error", "message", refuseWith != null ? refuseWith : failWith));
    } else {
      video = video(id, "completed", 100, "1280x720");
    }
    send(exchange, 200, json(video));
  }

  private Map<String, Object> video(String id, String status, int progress, String size) {
    Map<String, Object> video = new LinkedHashMap<>();
    video.put("id", id);
    video.put("object", "video");
    video.put("created_at", 1_764_590_400L);
    video.put("model", "sora-2");
    video.put("status", status);
    video.put("progress", progress);
    video.put("seconds", seconds.getOrDefault(id, "4"));
    video.put("size", size);
    return video;
  }

  /**
   * The multipart form as JSON: text fields by name; the {@code input_reference} file as its
   * filename, content type and decoded size (or its byte count when it is no image).
   */
  static ObjectNode form(String contentType, byte[] body) throws IOException {
    Matcher boundary = BOUNDARY.matcher(String.valueOf(contentType));
    if (!String.valueOf(contentType).startsWith("multipart/form-data") || !boundary.find()) {
      throw new IllegalArgumentException("not a multipart form: " + contentType);
    }
    ObjectNode form = JSON.createObjectNode();
    String text = new String(body, StandardCharsets.ISO_8859_1);
    for (String part : text.split("--" + Pattern.quote(boundary.group(1)))) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) {
        continue;
      }
      String headers = part.substring(0, split);
      String value = part.substring(split + 4, part.length() - 2); // the CRLF before the next
      Matcher name = DISPOSITION.matcher(headers);
      if (!name.find()) {
        continue;
      }
      if (name.group(2) == null) {
        form.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1),
            StandardCharsets.UTF_8));
        continue;
      }
      byte[] file = value.getBytes(StandardCharsets.ISO_8859_1);
      ObjectNode upload = form.putObject(name.group(1)).put("filename", name.group(2))
          .put("content_type", headers.replaceAll("(?is).*content-type:\\s*([^\\r\\n]+).*",
              "$1").strip())
          .put("bytes", file.length);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
      if (image != null) {
        upload.put("width", image.getWidth()).put("height", image.getHeight());
      }
    }
    return form;
  }
}
