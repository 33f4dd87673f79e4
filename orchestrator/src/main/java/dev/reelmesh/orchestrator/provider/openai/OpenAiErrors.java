package dev.reelmesh.orchestrator.provider.openai;

import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import dev.reelmesh.orchestrator.provider.ProviderCalls;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * What an OpenAI failure means for the job: transient (429, 5xx, I/O, timeouts: retried) or
 * permanent (bad request, moderation, auth: the step fails with the provider's reason), and the
 * gRPC status a person reads. Messages carry the provider's words, never the request headers.
 */
final class OpenAiErrors {
  private OpenAiErrors() {}

  static boolean isTransient(Throwable e) {
    if (e instanceof RateLimitException || e instanceof InternalServerException
        || e instanceof OpenAIIoException || e instanceof java.io.UncheckedIOException) {
      // UncheckedIOException: a response body lost mid-download, read inside the retried call.
      return true;
    }
    if (e instanceof OpenAIServiceException s) {
      int code = s.statusCode();
      return code == 408 || code == 409 || code >= 500;
    }
    return false;
  }

  /** The server's Retry-After hint in seconds (or retry-after-ms), when the failure carries one. */
  static Duration retryAfter(Throwable e) {
    if (!(e instanceof OpenAIServiceException s)) {
      return null;
    }
    return ProviderCalls.retryAfter(s.headers().values("retry-after-ms"),
        s.headers().values("retry-after"));
  }


  static StatusRuntimeException toStatus(String what, Throwable e, int attempts) {
    if (e instanceof StatusRuntimeException s) {
      return s;
    }
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    if (e instanceof OpenAIServiceException s) {
      Status status = switch (s.statusCode()) {
        case 400, 422 -> Status.INVALID_ARGUMENT;
        case 401 -> Status.UNAUTHENTICATED;
        case 403 -> Status.PERMISSION_DENIED;
        case 404 -> Status.NOT_FOUND;
        case 429 -> Status.RESOURCE_EXHAUSTED;
        default -> s.statusCode() >= 500 ? Status.UNAVAILABLE : Status.UNKNOWN;
      };
      String code = s.code().map(c -> " " + c).orElse("");
      return status.withDescription(what + ": OpenAI answered " + s.statusCode() + code + tries
          + ": " + ProviderCalls.brief(s.getMessage())).withCause(e).asRuntimeException();
    }
    if (e instanceof OpenAIIoException) {
      Status status = e.getCause() instanceof InterruptedIOException
          ? Status.DEADLINE_EXCEEDED : Status.UNAVAILABLE;
      return status.withDescription(what + ": cannot reach OpenAI" + tries + ": "
          + ProviderCalls.brief(e.getMessage())).withCause(e).asRuntimeException();
    }
    return Status.INTERNAL.withDescription(what + ": "
        + ProviderCalls.brief(String.valueOf(e.getMessage())))
        .withCause(e).asRuntimeException();
  }

}
