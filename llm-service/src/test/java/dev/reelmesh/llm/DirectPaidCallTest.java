package dev.reelmesh.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.auth.AuthInterceptor;
import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.auth.Role;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.llm.testing.FakeOpenAiServer;
import dev.reelmesh.v1.LlmCallOptions;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submitter may call the llm service directly, but not spend the mesh's LLM money that way:
 * paid calls are charged to a tenant (its credits, the month's limit) only when the pipeline
 * makes them, for a job or a chat. A direct paid call by a caller without the service role is
 * PERMISSION_DENIED before anything is sent; the offline engine still answers it; the mesh's
 * own callers (service, admin) reach the paid engine as before.
 */
class DirectPaidCallTest {
  @TempDir Path dir;
  FakeOpenAiServer fake;
  LlmConfig config;

  @BeforeEach
  void start() throws Exception {
    fake = FakeOpenAiServer.start();
    config = LlmConfig.fromEnv(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL",
        fake.baseUrl())).withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** PlanScript as {@code caller} with {@code engine}. */
  PlanScriptResponse plan(Principal caller, String engine) throws Exception {
    String name = "llm-" + UUID.randomUUID();
    ServiceHost host = ServiceHost.start(Transports.inProcess(name), LlmServices.create(
        new MeshSettings(dir, dir), config), AuthInterceptor.trusting(caller));
    ManagedChannel channel = Transports.inProcessChannel(name);
    try {
      return LlmServiceGrpc.newBlockingStub(channel).planScript(PlanScriptRequest.newBuilder()
          .setBrief("a paper lantern over a dark lake").setDurationSeconds(8)
          .setOptions(LlmCallOptions.newBuilder().setEngine(engine)).build());
    } finally {
      channel.shutdownNow();
      host.shutdown(1_000);
    }
  }

  @Test
  void aSubmitterCallingDirectlyIsRefusedPaidCallsAndGetsOfflineOnes() throws Exception {
    Principal alice = new Principal("alice", "alice", EnumSet.of(Role.SUBMIT));
    for (String engine : new String[] {"", "openai"}) {
      assertThatThrownBy(() -> plan(alice, engine)).as("engine '" + engine + "'")
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(e.getStatus().getDescription()).startsWith("options.engine: a paid LLM "
                + "call").contains("tenant 'alice'").contains("'offline'");
          });
    }
    assertThat(fake.requestCount()).as("nothing sent to the paid engine").isZero();
    PlanScriptResponse offline = plan(alice, "offline");
    assertThat(offline.getEngine().getEngine()).isEqualTo("offline-template");
    assertThat(offline.getPlan().getClipsCount()).isPositive();
    assertThat(offline.getCostList()).allMatch(c -> c.getActualMicros() == 0);
  }

  @Test
  void theMeshsOwnCallersStillReachThePaidEngine() throws Exception {
    fake.thenStatus(400);
    PlanScriptResponse r = plan(new Principal("orchestrator", "local",
        EnumSet.of(Role.SERVICE)), "openai");
    assertThat(fake.requestCount()).isPositive();
    assertThat(r.getEngine().getFallback()).isTrue(); // the scripted 400, answered offline
  }
}
