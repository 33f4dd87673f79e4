package dev.reelmesh.llm.testing;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.LlmConfig;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.v1.LlmServiceGrpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The llm service in process, through the module's real factory, for a test: offline, or against
 * a fake OpenAI server with millisecond backoff. Settings come from the test, never the
 * environment.
 */
public final class LlmUnderTest implements AutoCloseable {
  private final InProcessService service;
  private final FakeOpenAiServer fake;
  public final LlmServiceGrpc.LlmServiceBlockingStub llm;

  private LlmUnderTest(InProcessService service, FakeOpenAiServer fake) {
    this.service = service;
    this.fake = fake;
    this.llm = LlmServiceGrpc.newBlockingStub(service.channel());
  }

  /** The offline engine alone: data and models under {@code dir}. */
  public static LlmUnderTest offline(Path dir) {
    return new LlmUnderTest(InProcessService.start(LlmServices.create(
        new MeshSettings(dir.resolve("data"), dir.resolve("models")), LlmConfig.fromEnv(Map.of()))), null);
  }

  /** Against {@code fake} (closed with this), each call given {@code timeout}; null = the default. */
  public static LlmUnderTest openAi(FakeOpenAiServer fake, Path dir, Duration timeout) {
    LlmConfig config = LlmConfig.fromEnv(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", fake.baseUrl()))
        .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
    if (timeout != null) {
      config = config.withTimeout(timeout);
    }
    return new LlmUnderTest(InProcessService.start(LlmServices.create(new MeshSettings(dir, dir), config)), fake);
  }

  @Override
  public void close() {
    service.close();
    if (fake != null) {
      fake.close();
    }
  }
}
