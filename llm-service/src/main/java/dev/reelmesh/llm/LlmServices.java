package dev.reelmesh.llm;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.llm.engine.EngineRouter;
import dev.reelmesh.llm.engine.LlmEngine;
import dev.reelmesh.llm.engine.offline.OfflineEngine;
import dev.reelmesh.llm.engine.openai.OpenAiEngine;
import dev.reelmesh.common.server.BlockingCalls;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.List;

/** Everything the llm-service serves, ready to bind to any server builder. */
public final class LlmServices {
  /** LLM calls block up to the 90 s timeout; this many run at once, the rest queue. */
  static final int WORKERS = 8;
  static final int QUEUE = 256;
  /** A call without a deadline: an enhance loop is at most 8 LLM calls of 90 s each. */
  static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(15);

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

  private static BlockingCalls workers() {
    return new BlockingCalls("llm-service", WORKERS, QUEUE, DEFAULT_DEADLINE);
  }
}
