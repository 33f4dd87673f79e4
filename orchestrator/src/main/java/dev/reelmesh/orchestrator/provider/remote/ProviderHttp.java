package dev.reelmesh.orchestrator.provider.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A remote provider's JSON calls over the JDK's HTTP client, with the retry rules every paid
 * provider keeps: transient failures (429, 5xx, timeouts, dropped connections) retried with
 * backoff and jitter, waiting what Retry-After asks, each retry reported to the job; a create
 * call retried only when the request surely started nothing (429, or no connection), so a lost
 * answer never pays for a second video. The final failure becomes one gRPC status that quotes
 * the provider's own words. (Below these rules the JDK client replays a GET once by itself when
 * its connection closes before any byte of an answer, as a pooled connection the server closed
 * does; it never replays a POST, so no create is ever sent twice unseen.)
 */
public final class ProviderHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String vendor;
  private final CallTimings timings;
  private final HttpClient http;

  /** @param vendor the provider's name as messages say it ("fal") */
  public ProviderHttp(String vendor, CallTimings timings) {
    this.vendor = vendor;
    this.timings = timings;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  public String vendor() {
    return vendor;
  }

  /** A request to {@code url} with the call timeout; the caller adds method and headers. */
  public HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(timings.timeout());
  }

  public static HttpRequest.BodyPublisher json(JsonNode body) {
    return HttpRequest.BodyPublishers.ofString(body.toString());
  }

  /** A call that changes nothing (or may safely be repeated): every transient failure retried. */
  public JsonNode call(String what, HttpRequest request) {
    return retried(what, ProviderHttp::isTransient, () -> send(request));
  }

  /**
   * A call that starts paid work. Retried only when it surely started nothing; any other
   * failure that might have started a job whose id never reached us is UNKNOWN, not retried.
   */
  public JsonNode create(String what, HttpRequest request) {
    try {
      return retried(what, ProviderHttp::surelyNotStarted, () -> send(request));
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      boolean ambiguous = code == Status.Code.DEADLINE_EXCEEDED
          || code == Status.Code.UNAVAILABLE && !(e.getCause() instanceof ConnectException);
      if (ambiguous) {
        throw Status.UNKNOWN.withDescription(e.getStatus().getDescription() + "; not retried: "
            + "the " + vendor + " job may have started, and another attempt could pay twice "
            + "(check the provider's dashboard)").withCause(e).asRuntimeException();
      }
      throw e;
    }
  }

  /**
   * Copies an output file to {@code out} (through a .part file, so a half download is never
   * taken for a clip). A 403/404/410 means the signed URL expired or the file is gone: not
   * retried, FAILED_PRECONDITION with the provider's words.
   */
  public void download(String what, String url, Map<String, String> headers, Path out) {
    Path part = out.resolveSibling(out.getFileName() + ".part");
    try {
      retried(what, ProviderHttp::isTransient, () -> {
        Files.createDirectories(out.getParent());
        HttpRequest.Builder get = request(url).GET();
        headers.forEach(get::header);
        HttpResponse<InputStream> response = http.send(get.build(),
            HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
          if (response.statusCode() / 100 != 2) {
            throw failure(response, new String(body.readAllBytes(), StandardCharsets.UTF_8));
          }
          Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
        }
        return part;
      });
      Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (StatusRuntimeException e) {
      if (e.getCause() instanceof HttpFailure f && (f.status() == 403 || f.status() == 404
          || f.status() == 410)) {
        throw Status.FAILED_PRECONDITION.withDescription(what + ": the output URL has expired "
            + "or the file is gone (HTTP " + f.status() + ": " + f.words() + ")")
            .withCause(e).asRuntimeException();
      }
      throw e;
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription(what + ": cannot keep the download: " + e)
          .asRuntimeException();
    }
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw failure(response, response.body());
    }
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private static HttpFailure failure(HttpResponse<?> response, String body) {
    Duration hint = ProviderCalls.retryAfter(response.headers().allValues("retry-after-ms"),
        response.headers().allValues("retry-after"));
    JsonNode json = MissingNode.getInstance();
    try {
      json = JSON.readTree(body);
    } catch (IOException | RuntimeException ignored) {
      // not JSON: the raw body says it
    }
    String words = ProviderWords.of(json);
    return new HttpFailure(response.statusCode(), ProviderCalls.brief(words.isBlank() ? body
        : words), json == null ? MissingNode.getInstance() : json, hint);
  }

  private <T> T retried(String what, Predicate<Throwable> retryable,
      ProviderCalls.Attempt<T> attempt) {
    return ProviderCalls.call(what, timings.policy(), retryable,
        e -> e instanceof HttpFailure f ? f.retryAfter() : null, this::toStatus, attempt);
  }

  static boolean isTransient(Throwable e) {
    return e instanceof HttpFailure f ? f.transientFailure() : e instanceof IOException;
  }

  /** Only failures that prove the server started nothing. */
  static boolean surelyNotStarted(Throwable e) {
    return e instanceof HttpFailure f ? f.status() == 429 : e instanceof ConnectException;
  }

  StatusRuntimeException toStatus(String what, Throwable e, int attempts) {
    if (e instanceof StatusRuntimeException s) {
      return s;
    }
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    if (e instanceof HttpFailure f) {
      Status status = switch (f.status()) {
        case 400, 422 -> Status.INVALID_ARGUMENT;
        case 401 -> Status.UNAUTHENTICATED;
        case 402, 403 -> Status.PERMISSION_DENIED;
        case 404 -> Status.NOT_FOUND;
        case 429 -> Status.RESOURCE_EXHAUSTED;
        default -> f.status() >= 500 ? Status.UNAVAILABLE : Status.UNKNOWN;
      };
      return status.withDescription(what + ": " + vendor + " answered " + f.getMessage() + tries)
          .withCause(e).asRuntimeException();
    }
    if (e instanceof HttpTimeoutException) {
      return Status.DEADLINE_EXCEEDED.withDescription(what + ": no answer from " + vendor
          + " in time" + tries).withCause(e).asRuntimeException();
    }
    if (e instanceof IOException) {
      return Status.UNAVAILABLE.withDescription(what + ": cannot reach " + vendor + tries + ": "
          + ProviderCalls.brief(String.valueOf(e.getMessage()))).withCause(e).asRuntimeException();
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return Status.CANCELLED.withDescription(what + ": interrupted").asRuntimeException();
    }
    return Status.INTERNAL.withDescription(what + ": "
        + ProviderCalls.brief(String.valueOf(e.getMessage()))).withCause(e).asRuntimeException();
  }
}
