package dev.reelmesh.common.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.testing.Health;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.v1.AssembleShotPromptRequest;
import dev.reelmesh.v1.AssembleShotPromptResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.stub.StreamObserver;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceHostTest {
  /** A service whose methods throw, to see what the host makes of it. */
  static final class Throwing extends LlmServiceGrpc.LlmServiceImplBase {
    @Override
    public void planScript(PlanScriptRequest request, StreamObserver<PlanScriptResponse> out) {
      throw new IllegalArgumentException("brief: must not be blank");
    }

    @Override
    public void assembleShotPrompt(
        AssembleShotPromptRequest request, StreamObserver<AssembleShotPromptResponse> out) {
      throw new NullPointerException("a bug");
    }
  }

  @Test
  void servesHealthForEachServiceAndTheServerAsAWhole() throws Exception {
    try (InProcessService service = InProcessService.start(new Throwing())) {
      assertThat(Health.check(service.channel(), "reelmesh.v1.LlmService"))
          .isEqualTo(ServingStatus.SERVING);
      assertThat(Health.check(service.channel(), "")).isEqualTo(ServingStatus.SERVING);
      assertThatThrownBy(() -> Health.check(service.channel(), "reelmesh.v1.Nope"))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }
  }

  @Test
  void reflectionListsTheServiceHealthAndReflection() throws Exception {
    try (InProcessService service = InProcessService.start(new Throwing())) {
      assertThat(Health.listServices(service.channel())).contains(
          "reelmesh.v1.LlmService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection");
      assertThat(service.host().serviceNames()).containsExactly("reelmesh.v1.LlmService");
    }
  }

  @Test
  void exceptionsEscapingAMethodBecomePreciseStatusesAndTheServiceKeepsServing()
      throws Exception {
    try (InProcessService service = InProcessService.start(new Throwing())) {
      LlmServiceGrpc.LlmServiceBlockingStub stub =
          LlmServiceGrpc.newBlockingStub(service.channel());
      assertThatThrownBy(() -> stub.planScript(PlanScriptRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(e.getStatus().getDescription()).isEqualTo("brief: must not be blank");
          });
      assertThatThrownBy(() -> stub.assembleShotPrompt(
              AssembleShotPromptRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL));
      assertThat(Health.check(service.channel(), "")).isEqualTo(ServingStatus.SERVING);
    }
  }

  @Test
  void refusesAnEmptyServiceList() {
    assertThatThrownBy(() -> ServiceHost.start(Transports.inProcess("empty"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
