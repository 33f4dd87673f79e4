package dev.reelmesh.orchestrator.chat;

import com.google.common.util.concurrent.MoreExecutors;
import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.v1.ChatClientMessage;
import dev.reelmesh.v1.ChatServerMessage;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * One Chat call: checks each client message (a bad one ends the call with its status, naming
 * the field), finds or opens the caller's session, attaches the call to it, and hands the
 * message to the session's agent. The call's messages are handled in order, off the transport
 * thread; the agent's work goes on even if the client goes away (a reconnect sees it).
 */
final class ChatCall implements StreamObserver<ChatClientMessage> {
  static final int MAX_TEXT = 4_000;
  private final Principal caller;
  private final LiveSessions sessions;
  private final Function<String, ChatAgent> agents;
  private final Outbound out;
  private final Executor ordered;
  private String sessionId;

  ChatCall(Principal caller, LiveSessions sessions, Function<String, ChatAgent> agents,
      StreamObserver<ChatServerMessage> out, ExecutorService workers) {
    this.caller = caller;
    this.sessions = sessions;
    this.agents = agents;
    this.out = new Outbound(out);
    this.ordered = MoreExecutors.newSequentialExecutor(workers);
  }

  @Override
  public void onNext(ChatClientMessage message) {
    try {
      check(message);
    } catch (StatusRuntimeException e) {
      end(e);
      return;
    }
    later(() -> {
      try {
        handle(message);
      } catch (RuntimeException e) {
        end(e);
      }
    });
  }

  /** Runs {@code work} after this call's earlier messages; refused once the service stops. */
  private void later(Runnable work) {
    try {
      ordered.execute(work);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      out.fail(Status.UNAVAILABLE.withDescription("the orchestrator is shutting down; resume "
          + "the session on the next one").asRuntimeException());
    }
  }

  private static void check(ChatClientMessage m) {
    switch (m.getKindCase()) {
      case TEXT -> {
        if (m.getText().isBlank()) {
          throw Statuses.invalid("text", "must say something (1–" + MAX_TEXT + " characters)");
        }
        if (m.getText().length() > MAX_TEXT) {
          throw Statuses.invalid("text", "at most " + MAX_TEXT + " characters, got "
              + m.getText().length());
        }
      }
      case CONFIRMATION -> {
        if (m.getConfirmation().getCallId().isBlank()) {
          throw Statuses.invalid("confirmation.call_id", "name the tool call you answer");
        }
      }
      case RESUME -> {
        if (m.getResume().getAfterSequence() < 0) {
          throw Statuses.invalid("resume.after_sequence", "must be >= 0, got "
              + m.getResume().getAfterSequence());
        }
      }
      default -> throw Statuses.invalid("kind", "say text, send a confirmation or resume");
    }
    if (m.getSessionId().isBlank() && !m.hasText()) {
      throw Statuses.invalid("session_id", "required to " + (m.hasResume() ? "resume"
          : "confirm") + "; only a first text opens a new session");
    }
  }

  private void handle(ChatClientMessage m) {
    if (out.ended()) {
      return;
    }
    String id = session(m);
    switch (m.getKindCase()) {
      case TEXT -> sessions.run(id, guarded(() -> agents.apply(id).onText(m.getText().strip())));
      case CONFIRMATION -> sessions.run(id, guarded(() ->
          agents.apply(id).onConfirmation(m.getConfirmation())));
      default -> { } // a resume only attaches
    }
  }

  /** The message's session, the caller's; the call attaches to it on its first message. */
  private String session(ChatClientMessage m) {
    String asked = m.getSessionId().strip();
    if (sessionId != null) {
      if (!asked.isEmpty() && !asked.equals(sessionId)) {
        throw Statuses.invalid("session_id", "this call talks in session " + sessionId
            + ", got " + asked + "; open another call for another session");
      }
      return sessionId;
    }
    if (asked.isEmpty()) {
      sessionId = sessions.store().create(caller.tenant());
      sessions.attach(sessionId, out, 0);
      return sessionId;
    }
    if (!sessions.store().tenant(asked).map(caller.tenant()::equals).orElse(false)) {
      // Another tenant's session is as absent as one that never was.
      throw Status.NOT_FOUND.withDescription("session_id: no chat session '" + asked + "'")
          .asRuntimeException();
    }
    long last = sessions.store().lastSequence(asked);
    long after = m.hasResume() ? m.getResume().getAfterSequence() : last;
    if (after > last) {
      throw Status.OUT_OF_RANGE.withDescription("resume.after_sequence: " + after + " is in the"
          + " future; session " + asked + " has " + last + " messages").asRuntimeException();
    }
    sessionId = asked;
    sessions.attach(sessionId, out, after);
    return sessionId;
  }

  /** Session work that fails (a confirmation nothing waits for) ends this call with it. */
  private Runnable guarded(Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        end(e);
      }
    };
  }

  private void end(Throwable error) {
    if (sessionId != null) {
      sessions.detach(sessionId, out);
    }
    out.fail(error);
  }

  @Override
  public void onError(Throwable t) {
    later(() -> {
      if (sessionId != null) {
        sessions.detach(sessionId, out);
      }
    });
  }

  /** The client is done sending: the call ends once its session's queued work has run. */
  @Override
  public void onCompleted() {
    later(() -> {
      if (sessionId == null) {
        out.complete();
        return;
      }
      String id = sessionId;
      try {
        sessions.run(id, () -> {
          sessions.detach(id, out);
          out.complete();
        });
      } catch (RuntimeException e) {
        end(e);
      }
    });
  }
}
