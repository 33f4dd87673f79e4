package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.orchestrator.budget.Ledger;
import dev.reelmesh.orchestrator.store.PgChat;
import dev.reelmesh.v1.ChatClientMessage;
import dev.reelmesh.v1.ChatServerMessage;
import io.grpc.BindableService;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The Chat RPC: sessions kept in the orchestrator's database, an agent per session that talks
 * through LlmService.ChatTurn (reached only through {@code llm}, never llm-service code) and
 * acts through PipelineService calls made as the chat's caller.
 */
public final class ChatService implements AutoCloseable {
  /** Agents block on LLM calls and on tools (a plan waits for the job); this many at once. */
  static final int WORKERS = 16;
  private final ExecutorService workers;
  private final LiveSessions sessions;
  private final CallerChannel tools;
  private final Channel llm;
  private final TurnSpend spend;
  private final ChatSettings settings;

  private ChatService(DataSource database, BindableService pipeline, Channel llm,
      Ledger ledger, ChatSettings settings) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "chat-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    this.workers = pool;
    this.sessions = new LiveSessions(new PgChat(database), workers);
    this.tools = CallerChannel.serve(pipeline);
    this.llm = llm;
    this.settings = settings;
    this.spend = new TurnSpend(ledger, settings);
    // Turns a dead orchestrator held are charged at their hold now, not at the next turn.
    ledger.store().unreconcileStaleChat(TurnSpend.STALE);
  }

  /**
   * The chat of {@code pipeline} (the PipelineService without its Chat method), limited by
   * REELMESH_CHAT_SESSION_CAP_USD and REELMESH_CHAT_HISTORY_TOKENS (see {@link ChatSettings}).
   */
  public static ChatService start(DataSource database, BindableService pipeline, Channel llm,
      Ledger ledger) {
    return new ChatService(database, pipeline, llm, ledger,
        ChatSettings.fromEnv(System.getenv()));
  }

  /** As above, with the limits given. */
  static ChatService start(DataSource database, BindableService pipeline, Channel llm,
      Ledger ledger, ChatSettings settings) {
    return new ChatService(database, pipeline, llm, ledger, settings);
  }

  /** {@code pipeline} with its Chat method served here: the one definition to bind. */
  public List<BindableService> bindInto(BindableService pipeline) {
    return List.of(ChatBinding.bind(pipeline, this));
  }

  StreamObserver<ChatClientMessage> open(StreamObserver<ChatServerMessage> out) {
    Principal caller = Principal.KEY.get();
    if (caller == null) {
      out.onError(Status.UNAUTHENTICATED.withDescription("Chat: no caller in this call's "
          + "context").asRuntimeException());
      return new StreamObserver<>() {
        @Override
        public void onNext(ChatClientMessage value) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
      };
    }
    ToolRunner runner = new ToolRunner(tools.as(caller));
    return new ChatCall(caller, sessions, id -> new ChatAgent(session(id), llm, runner, spend,
        settings.historyTokens()),
        out, workers);
  }

  private ChatAgent.Session session(String id) {
    return new ChatAgent.Session() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public ChatServerMessage append(ChatServerMessage.Builder message) {
        return sessions.append(id, message);
      }

      @Override
      public List<ChatServerMessage> messages() {
        return sessions.store().after(id, 0);
      }
    };
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      tools.close();
    }
  }
}
