package dev.reelmesh.llm;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.llm.engine.EngineRouter;
import dev.reelmesh.llm.engine.LlmEngine;
import dev.reelmesh.llm.engine.offline.OfflineEngine;
import dev.reelmesh.llm.engine.openai.OpenAiEngine;
import io.grpc.BindableService;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Everything the llm-service serves, ready to bind to any server builder. */
public final class LlmServices {
  /** LLM calls block up to the 90 s timeout; this many run at once, the rest queue. */
  static final int WORKERS = 8;
  static final int QUEUE = 256;

  private LlmServices() {}

  /** Production wiring: the LLM engine from the process environment (offline without a key). */
  public static List<BindableService> create(MeshSettings settings) {
    return create(settings, LlmConfig.fromEnv(System.getenv()));
  }

  /** Wiring with an explicit configuration (tests point it at a fake OpenAI server). */
  public static List<BindableService> create(MeshSettings settings, LlmConfig config) {
    LlmEngine offline = new OfflineEngine();
    LlmEngine primary = config.llmConfigured() ? new OpenAiEngine(config) : offline;
    EngineRouter router = new EngineRouter(primary, offline);
    return List.of(new LlmGrpcService(router, new RepositoryBriefs(config.repositoryRoots(), router), workers()));
  }

  private static ExecutorService workers() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), r -> {
          Thread t = new Thread(r, "llm-worker-" + n.incrementAndGet());
          t.setDaemon(true); // idle workers time out; daemon so they never hold a JVM open
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
