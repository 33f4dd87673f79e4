package dev.reelmesh.common.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.reelmesh.common.testing.Health;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor.PrototypeMarshaller;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AliasingMarshallerTest {
  /** What the Netty transport hands a marshaller: a stream that knows its length. */
  static class Received extends ByteArrayInputStream implements KnownLength {
    Received(byte[] bytes) {
      super(bytes);
    }
  }

  private static final AliasingMarshaller<ImageSource> MARSHALLER = new AliasingMarshaller<>(
      (PrototypeMarshaller<ImageSource>) ProtoUtils.marshaller(ImageSource.getDefaultInstance()));

  static ImageSource image(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return ImageSource.newBuilder().setData(ByteString.copyFrom(bytes)).build();
  }

  @Test
  void parsesReceivedBytesToAnEqualMessage() {
    ImageSource original = image(300_000);
    ImageSource parsed = MARSHALLER.parse(new Received(original.toByteArray()));
    assertThat(parsed).isEqualTo(original);
    assertThat(MARSHALLER.parse(new Received(new byte[0])))
        .isSameAs(ImageSource.getDefaultInstance());
  }

  @Test
  void messagesFromThisJvmAreHandedOverWithoutParsing() {
    ImageSource original = image(1000);
    assertThat(MARSHALLER.parse(MARSHALLER.stream(original))).isSameAs(original);
  }

  @Test
  void aTruncatedStreamIsInternalAndACorruptMessageInvalid() {
    byte[] whole = image(1000).toByteArray();
    Received shortStream = new Received(java.util.Arrays.copyOf(whole, 500)) {
      @Override
      public synchronized int available() {
        return whole.length; // the frame said 1000+ bytes but 500 arrived
      }
    };
    assertThatThrownBy(() -> MARSHALLER.parse(shortStream))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
          assertThat(e.getStatus().getDescription()).contains("ended after 500");
        });
    assertThatThrownBy(() -> MARSHALLER.parse(new Received(java.util.Arrays.copyOf(whole, 500))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("invalid protobuf");
        });
  }

  /** Echoes the brief back, so a call shows the request arrived intact. */
  static final class Echo extends LlmServiceGrpc.LlmServiceImplBase {
    @Override
    public void planScript(PlanScriptRequest request, StreamObserver<PlanScriptResponse> out) {
      out.onNext(PlanScriptResponse.newBuilder()
          .setPlan(dev.reelmesh.v1.ScenePlan.newBuilder().setBrief(request.getBrief())).build());
      out.onCompleted();
    }
  }

  @Test
  void aReboundServiceAnswersOverNettyAndStaysVisibleToReflection() throws Exception {
    ServiceHost host = ServiceHost.start(Transports.netty("127.0.0.1", 0),
        List.of(AliasedRequests.of(new Echo(), Set.of("PlanScript"))));
    ManagedChannel channel = Transports.nettyChannel("127.0.0.1:" + host.port());
    try {
      String brief = "x".repeat(200_000);
      PlanScriptResponse response = LlmServiceGrpc.newBlockingStub(channel)
          .planScript(PlanScriptRequest.newBuilder().setBrief(brief).build());
      assertThat(response.getPlan().getBrief()).isEqualTo(brief);
      assertThat(Health.listServices(channel)).contains("reelmesh.v1.LlmService");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      host.shutdown(1000);
    }
  }

  @Test
  void rebindingAMethodTheServiceLacksIsRefused() {
    assertThatThrownBy(() -> AliasedRequests.of(new Echo(), Set.of("Nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Nope");
  }
}
