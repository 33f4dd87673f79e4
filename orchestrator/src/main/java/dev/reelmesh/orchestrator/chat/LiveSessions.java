package dev.reelmesh.orchestrator.chat;

import com.google.common.util.concurrent.MoreExecutors;
import dev.reelmesh.orchestrator.store.PgChat;
import dev.reelmesh.v1.ChatServerMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The sessions this orchestrator talks in: each session's work runs one piece at a time (its
 * own sequential executor over the shared workers), and each stored message is streamed to the
 * calls attached to its session. Storing and streaming happen under the session's lock, as does
 * a resume's replay, so an attaching call sees every message exactly once and in order.
 */
final class LiveSessions {
  private final PgChat store;
  private final ExecutorService workers;
  private final Map<String, Executor> serial = new ConcurrentHashMap<>();
  private final Map<String, Set<Outbound>> attached = new ConcurrentHashMap<>();

  LiveSessions(PgChat store, ExecutorService workers) {
    this.store = store;
    this.workers = workers;
  }

  PgChat store() {
    return store;
  }

  /** Runs {@code work} after the session's earlier work, never beside it. */
  void run(String sessionId, Runnable work) {
    try {
      serial.computeIfAbsent(sessionId, id -> MoreExecutors.newSequentialExecutor(workers))
          .execute(work);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw io.grpc.Status.UNAVAILABLE.withDescription("the orchestrator is shutting down; "
          + "resume session " + sessionId + " on the next one").asRuntimeException();
    }
  }

  ChatServerMessage append(String sessionId, ChatServerMessage.Builder message) {
    Set<Outbound> listeners = listeners(sessionId);
    synchronized (listeners) {
      ChatServerMessage stored = store.append(sessionId, message);
      listeners.removeIf(Outbound::ended);
      listeners.forEach(out -> out.send(stored));
      return stored;
    }
  }

  /** Sends the messages after {@code after}, then every new one, to {@code out}. */
  void attach(String sessionId, Outbound out, long after) {
    Set<Outbound> listeners = listeners(sessionId);
    synchronized (listeners) {
      List<ChatServerMessage> missed = store.after(sessionId, after);
      missed.forEach(out::send);
      listeners.add(out);
    }
  }

  void detach(String sessionId, Outbound out) {
    Set<Outbound> listeners = attached.get(sessionId);
    if (listeners != null) {
      synchronized (listeners) {
        listeners.remove(out);
      }
    }
  }

  private Set<Outbound> listeners(String sessionId) {
    return attached.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet());
  }
}
