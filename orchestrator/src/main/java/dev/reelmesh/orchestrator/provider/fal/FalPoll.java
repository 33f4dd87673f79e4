package dev.reelmesh.orchestrator.provider.fal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelmesh.orchestrator.provider.remote.HttpFailure;
import dev.reelmesh.orchestrator.provider.remote.RemotePoll;
import io.grpc.StatusRuntimeException;
import java.util.function.Function;

/**
 * One poll of a fal queue request, for video and image endpoints alike: the status (with the
 * queue position), then, once COMPLETED, the result; a failed request's error in fal's words,
 * a content-policy refusal told apart.
 */
final class FalPoll {
  private FalPoll() {}

  /** @param output the finished result's output URL, or a Failed when it has none */
  static RemotePoll of(FalQueue queue, String endpoint, String id, String label,
      Function<JsonNode, RemotePoll> output) {
    JsonNode status = queue.status(endpoint, id, label + " status");
    switch (status.path("status").asText("")) {
      case "IN_QUEUE" -> {
        if (!status.path("queue_position").canConvertToInt()) {
          return new RemotePoll.Running("in queue");
        }
        int position = status.path("queue_position").asInt();
        return new RemotePoll.Running("in queue, position " + position, position);
      }
      case "IN_PROGRESS" -> {
        return new RemotePoll.Running("rendering");
      }
      case "COMPLETED" -> {
        if (status.hasNonNull("error")) {
          return failed(status.path("error").asText(), status.path("error_type").asText(""));
        }
        try {
          return output.apply(queue.result(endpoint, id, label + " result"));
        } catch (StatusRuntimeException e) {
          // fal answers a failed request's result with its error (a 422 for content policy).
          if (e.getCause() instanceof HttpFailure f && f.status() / 100 == 4) {
            return failed(f.words(), f.body().path("detail").path(0).path("type").asText(""));
          }
          throw e;
        }
      }
      default -> {
        return failed("status " + status.path("status").asText("(none)"), "");
      }
    }
  }

  private static RemotePoll failed(String words, String type) {
    return new RemotePoll.Failed(words, "content_policy_violation".equals(type)
        || RemotePoll.soundsRefused(words));
  }
}
