package dev.reelmesh.common.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.testing.RawCalls;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Over Netty, where requests arrive as bytes: what a broken or hostile client gets back. */
class ParsedRequestsTest {
  private static final String PLAN = "reelmesh.v1.LlmService/PlanScript";
  private final AtomicInteger handled = new AtomicInteger();
  private ServiceHost host;
  private ManagedChannel channel;

  final class Echo extends LlmServiceGrpc.LlmServiceImplBase {
    @Override
    public void planScript(PlanScriptRequest request, StreamObserver<PlanScriptResponse> out) {
      handled.incrementAndGet();
      out.onNext(PlanScriptResponse.newBuilder()
          .setPlan(dev.reelmesh.v1.ScenePlan.newBuilder().setBrief(request.getBrief())).build());
      out.onCompleted();
    }
  }

  void start(boolean aliased) throws Exception {
    host = ServiceHost.start(Transports.netty("127.0.0.1", 0),
        List.of(aliased ? AliasedRequests.of(new Echo(), Set.of("PlanScript")) : new Echo()));
    channel = Transports.nettyChannel("127.0.0.1:" + host.port());
  }

  @BeforeEach
  void reset() {
    handled.set(0);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    host.shutdown(1000);
  }

  private void assertRefused(byte[] request, Status.Code code, String fragment) {
    assertThatThrownBy(() -> RawCalls.unary(channel, PLAN, request))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).startsWith(PLAN).contains(fragment);
        });
  }

  @ParameterizedTest(name = "aliased marshaller: {0}")
  @ValueSource(booleans = {false, true})
  void malformedRequestsAreInvalidArgumentsAndTheServiceKeepsServing(boolean aliased)
      throws Exception {
    start(aliased);
    assertRefused(RawCalls.truncated(), Status.Code.INVALID_ARGUMENT, "not a valid PlanScript");
    assertRefused(RawCalls.invalidUtf8Field(1), Status.Code.INVALID_ARGUMENT, "UTF-8");
    assertRefused(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, Status.Code.INVALID_ARGUMENT,
        "not a valid");
    assertThat(handled).as("no refused request reached the handler").hasValue(0);
    byte[] fine = PlanScriptRequest.newBuilder().setBrief("a kettle").build().toByteArray();
    assertThat(PlanScriptResponse.parseFrom(RawCalls.unary(channel, PLAN, fine)).getPlan()
        .getBrief()).isEqualTo("a kettle");
  }

  @ParameterizedTest(name = "aliased marshaller: {0}")
  @ValueSource(booleans = {false, true})
  void aRequestOverItsMethodsLimitIsRefusedBeforeParsing(boolean aliased) throws Exception {
    start(aliased);
    byte[] big = PlanScriptRequest.newBuilder()
        .setBrief("x".repeat(MessageLimits.DEFAULT_BYTES + 1)).build().toByteArray();
    assertRefused(big, Status.Code.RESOURCE_EXHAUSTED, "at most " + MessageLimits.DEFAULT_BYTES);
    assertThat(handled).hasValue(0);
    assertThat(MessageLimits.forMethod("reelmesh.v1.ScoringService/ScoreImages"))
        .isGreaterThan(MessageLimits.DEFAULT_BYTES);
  }
}
