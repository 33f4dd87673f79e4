package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.v1.ChatClientMessage;
import dev.reelmesh.v1.ChatConfirmation;
import dev.reelmesh.v1.ChatResume;
import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.PipelineServiceGrpc;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One Chat call for tests: send words, confirmations, resumes; read the agent's turns. */
final class ChatClient implements AutoCloseable {
  private final BlockingQueue<ChatServerMessage> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Status> ended = new CompletableFuture<>();
  private final StreamObserver<ChatClientMessage> requests;
  String sessionId = "";

  ChatClient(Channel pipeline) {
    requests = PipelineServiceGrpc.newStub(pipeline).chat(new StreamObserver<>() {
      @Override
      public void onNext(ChatServerMessage m) {
        received.add(m);
      }

      @Override
      public void onError(Throwable t) {
        ended.complete(Status.fromThrowable(t));
      }

      @Override
      public void onCompleted() {
        ended.complete(Status.OK);
      }
    });
  }

  /** Says {@code text} and returns the agent's turn, up to the message that awaits the user. */
  List<ChatServerMessage> say(String text) {
    send(ChatClientMessage.newBuilder().setSessionId(sessionId).setText(text).build());
    return turn();
  }

  List<ChatServerMessage> confirm(String callId, boolean approved) {
    send(ChatClientMessage.newBuilder().setSessionId(sessionId).setConfirmation(
        ChatConfirmation.newBuilder().setCallId(callId).setApproved(approved)).build());
    return turn();
  }

  /** Attaches to {@code session} after {@code after}; returns the next {@code count} messages. */
  List<ChatServerMessage> resume(String session, long after, int count) {
    sessionId = session;
    send(ChatClientMessage.newBuilder().setSessionId(session).setResume(ChatResume.newBuilder()
        .setAfterSequence(after)).build());
    List<ChatServerMessage> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      messages.add(next());
    }
    return messages;
  }

  void send(ChatClientMessage message) {
    requests.onNext(message);
  }

  List<ChatServerMessage> turn() {
    List<ChatServerMessage> turn = new ArrayList<>();
    ChatServerMessage m;
    do {
      m = next();
      turn.add(m);
    } while (!m.getAwaitingUser());
    return turn;
  }

  ChatServerMessage next() {
    try {
      ChatServerMessage m = null;
      // Waits while the call is open (a render takes seconds); an ended call has nothing more.
      for (int i = 0; i < 1200 && m == null && !(ended.isDone() && received.isEmpty()); i++) {
        m = received.poll(100, TimeUnit.MILLISECONDS);
      }
      if (m == null) {
        throw new AssertionError("no chat message within 120 s" + (ended.isDone()
            ? "; the call ended with " + ended.join() : ""));
      }
      sessionId = m.getSessionId();
      return m;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Nothing more arrives within {@code millis}. */
  boolean quiet(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS) == null;
  }

  /** How the call ended (waits for it). */
  Status ended() throws Exception {
    return ended.get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    try {
      requests.onCompleted();
    } catch (IllegalStateException alreadyClosed) {
      // The server ended the call first.
    }
  }
}
