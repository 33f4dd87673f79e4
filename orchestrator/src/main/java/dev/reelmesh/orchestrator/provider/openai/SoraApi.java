package dev.reelmesh.orchestrator.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.orchestrator.provider.registry.ModelUnavailable;
import dev.reelmesh.orchestrator.provider.remote.CallTimings;
import dev.reelmesh.orchestrator.provider.remote.HttpFailure;
import dev.reelmesh.orchestrator.provider.remote.ProviderHttp;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The OpenAI {@code /v1/videos} protocol (Sora-2 shape) on a compatible gateway, over the shared
 * ProviderHttp: {@code POST /videos} (multipart form: model, prompt, seconds, size, the
 * {@code input_reference} image) answers a video object; {@code GET /videos/{id}} its status;
 * {@code GET /videos/{id}/content} the MP4, with the key; {@code DELETE /videos/{id}} is the
 * only stop the protocol has (OpenAI documents it for completed or failed videos; a gateway that
 * refuses it for a running one leaves the video billed, and the step says so).
 */
final class SoraApi {
  private static final MediaType PNG = MediaType.get("image/png");
  private final String baseUrl;
  private final String key;
  private final ProviderHttp http;

  SoraApi(VideoGateway gateway, CallTimings timings) {
    this.baseUrl = gateway.baseUrl().orElseThrow().replaceAll("/+$", "");
    this.key = gateway.apiKey().orElseThrow();
    this.http = new ProviderHttp("video gateway", timings);
  }

  /** The video's id; a model the gateway does not serve is ModelUnavailable (uncharged). */
  String create(String model, String prompt, int seconds, String size, byte[] referencePng,
      String what) throws IOException {
    // OkHttp (which openai-java brings) writes the form; the JDK client sends it.
    MultipartBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("model", model)
        .addFormDataPart("prompt", prompt)
        .addFormDataPart("seconds", String.valueOf(seconds))
        .addFormDataPart("size", size)
        .addFormDataPart("input_reference", "reference.png",
            RequestBody.create(referencePng, PNG))
        .build();
    Buffer bytes = new Buffer();
    form.writeTo(bytes);
    HttpRequest request = request("/videos").header("Content-Type",
        form.contentType().toString())
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.readByteArray())).build();
    try {
      return http.create(what, request).path("id").asText("");
    } catch (StatusRuntimeException e) {
      if (e.getCause() instanceof HttpFailure f && (f.status() == 404
          || "model_not_found".equals(f.body().path("error").path("code").asText()))) {
        throw new ModelUnavailable("openai", model, e.getStatus().getDescription());
      }
      throw e;
    }
  }

  JsonNode video(String id, String what) {
    return http.call(what, request("/videos/" + id).GET().build());
  }

  void delete(String id, String what) {
    http.call(what, request("/videos/" + id).DELETE().build());
  }

  String contentUrl(String id) {
    return baseUrl + "/videos/" + id + "/content";
  }

  /** The content lives on the gateway itself: the download carries the key. */
  void download(String url, Path out, String what) {
    http.download(what, url, Map.of("Authorization", "Bearer " + key), out);
  }

  private HttpRequest.Builder request(String path) {
    return http.request(baseUrl + path).header("Authorization", "Bearer " + key);
  }
}
