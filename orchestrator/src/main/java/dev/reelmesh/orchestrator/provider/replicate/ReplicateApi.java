package dev.reelmesh.orchestrator.provider.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The few calls of a Replicate-style prediction API, over the JDK's HTTP client: create, get,
 * cancel, and download an output file. Transient failures are retried with backoff and jitter,
 * waiting what Retry-After asks. Creating is retried only when the request surely did not
 * start a prediction (429, or no connection), so a lost answer never pays for a second video.
 */
final class ReplicateApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ReplicateConfig config;
  private final HttpClient http;
  private final ProviderCalls.Policy policy;
  private final dev.reelmesh.orchestrator.provider.remote.ProviderHttp downloads;

  ReplicateApi(ReplicateConfig config) {
    this.config = config;
    this.policy = new ProviderCalls.Policy(config.maxAttempts(), config.backoffBase(),
        config.backoffMax());
    this.downloads = new dev.reelmesh.orchestrator.provider.remote.ProviderHttp("replicate",
        new dev.reelmesh.orchestrator.provider.remote.CallTimings(config.timeout(),
            config.maxAttempts(), config.backoffBase(), config.backoffMax(),
            config.pollInitial(), config.pollMax(), config.pollTimeout()));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** A non-2xx answer, with the provider's own words. */
  static final class HttpFailure extends IOException {
    final int status;
    final Duration retryAfter;

    HttpFailure(int status, String body, Duration retryAfter) {
      super("HTTP " + status + ": " + ProviderCalls.brief(body));
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }

  /** @param webhook where Replicate calls back when the prediction completes, if anywhere */
  Prediction create(ObjectNode input, java.util.Optional<String> webhook, String what) {
    String model = config.model().orElseThrow();
    int colon = model.indexOf(':');
    ObjectNode body = JSON.createObjectNode();
    String path;
    if (colon < 0) {
      path = "/models/" + model + "/predictions";
    } else {
      path = "/predictions";
      body.put("version", model.substring(colon + 1));
    }
    body.set("input", input);
    webhook.ifPresent(url -> {
      body.put("webhook", url);
      body.putArray("webhook_events_filter").add("completed");
    });
    try {
      return call(what, ReplicateApi::surelyNotStarted, () -> Prediction.of(send(
          request(path).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build())));
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNAVAILABLE && !(e.getCause() instanceof ConnectException)
          || code == Status.Code.DEADLINE_EXCEEDED) {
        // The request may have started a (paid) prediction whose id never reached us.
        throw Status.UNKNOWN.withDescription(e.getStatus().getDescription() + "; not retried: "
            + "the prediction may have started, and another attempt could pay twice (check the "
            + "provider's dashboard)").withCause(e).asRuntimeException();
      }
      throw e;
    }
  }

  Prediction get(String id, String what) {
    return call(what, ReplicateApi::isTransient,
        () -> Prediction.of(send(request("/predictions/" + id).GET().build())));
  }

  /** Asks the provider to stop (and stop billing); a failure is left to the caller to report. */
  void cancel(String id, String what) {
    call(what, ReplicateApi::isTransient, () -> send(request("/predictions/" + id + "/cancel")
        .POST(HttpRequest.BodyPublishers.noBody()).build()));
  }

  /**
   * Output files live on the provider's delivery host and take no API token; the shared remote
   * download keeps the rules every paid video provider has (part file, transient failures
   * retried, an expired or gone URL FAILED_PRECONDITION without retrying).
   */
  void download(String url, Path out, String what) {
    downloads.download(what, url, java.util.Map.of(), out);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
        .timeout(config.timeout())
        .header("Authorization", "Bearer " + config.token().orElseThrow())
        .header("Content-Type", "application/json");
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw failure(response.statusCode(), response.body(), response);
    }
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private static HttpFailure failure(int status, String body, HttpResponse<?> response) {
    Duration hint = ProviderCalls.retryAfter(response.headers().allValues("retry-after-ms"),
        response.headers().allValues("retry-after"));
    String detail = body;
    try {
      JsonNode json = JSON.readTree(body);
      detail = json.path("detail").asText(json.path("title").asText(body));
    } catch (IOException | RuntimeException ignored) {
      // not JSON: the raw body says it
    }
    return new HttpFailure(status, detail, hint);
  }

  private <T> T call(String what, java.util.function.Predicate<Throwable> retryable,
      ProviderCalls.Attempt<T> attempt) {
    return ProviderCalls.call(what, policy, retryable, e -> e instanceof HttpFailure f
        ? f.retryAfter : null, ReplicateApi::toStatus, attempt);
  }

  static boolean isTransient(Throwable e) {
    if (e instanceof HttpFailure f) {
      return f.status == 408 || f.status == 409 || f.status == 429 || f.status >= 500;
    }
    return e instanceof IOException;
  }

  /** Only failures that prove the server did not start a prediction. */
  static boolean surelyNotStarted(Throwable e) {
    return e instanceof HttpFailure f ? f.status == 429 : e instanceof ConnectException;
  }

  static StatusRuntimeException toStatus(String what, Throwable e, int attempts) {
    if (e instanceof StatusRuntimeException s) {
      return s;
    }
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    if (e instanceof HttpFailure f) {
      Status status = switch (f.status) {
        case 400, 422 -> Status.INVALID_ARGUMENT;
        case 401 -> Status.UNAUTHENTICATED;
        case 402, 403 -> Status.PERMISSION_DENIED;
        case 404 -> Status.FAILED_PRECONDITION;
        case 429 -> Status.RESOURCE_EXHAUSTED;
        default -> f.status >= 500 ? Status.UNAVAILABLE : Status.UNKNOWN;
      };
      return status.withDescription(what + ": Replicate answered " + f.getMessage() + tries)
          .withCause(e).asRuntimeException();
    }
    if (e instanceof HttpTimeoutException) {
      return Status.DEADLINE_EXCEEDED.withDescription(what + ": no answer from Replicate in time"
          + tries).withCause(e).asRuntimeException();
    }
    if (e instanceof IOException) {
      return Status.UNAVAILABLE.withDescription(what + ": cannot reach Replicate" + tries + ": "
          + ProviderCalls.brief(String.valueOf(e.getMessage()))).withCause(e).asRuntimeException();
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return Status.CANCELLED.withDescription(what + ": interrupted").asRuntimeException();
    }
    return Status.INTERNAL.withDescription(what + ": "
        + ProviderCalls.brief(String.valueOf(e.getMessage())))
        .withCause(e).asRuntimeException();
  }

}
