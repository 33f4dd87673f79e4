package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.v1.ChatServerMessage;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * One Chat call's outgoing stream. Its session's agent, a replay and the call's own errors all
 * write to it from different threads: writes are serialised, and nothing is sent once it ended.
 */
final class Outbound {
  private final StreamObserver<ChatServerMessage> out;
  private boolean ended;

  Outbound(StreamObserver<ChatServerMessage> out) {
    this.out = out;
  }

  synchronized void send(ChatServerMessage message) {
    if (!ended) {
      try {
        out.onNext(message);
      } catch (StatusRuntimeException | IllegalStateException gone) {
        ended = true; // the client went away; the session goes on without this call
      }
    }
  }

  synchronized void fail(Throwable error) {
    if (!ended) {
      ended = true;
      try {
        out.onError(dev.reelmesh.common.error.Statuses.toException(error));
      } catch (StatusRuntimeException | IllegalStateException gone) {
        // Already cancelled by the client: nobody to tell.
      }
    }
  }

  synchronized void complete() {
    if (!ended) {
      ended = true;
      try {
        out.onCompleted();
      } catch (StatusRuntimeException | IllegalStateException gone) {
        // Already cancelled by the client.
      }
    }
  }

  synchronized boolean ended() {
    return ended;
  }
}
