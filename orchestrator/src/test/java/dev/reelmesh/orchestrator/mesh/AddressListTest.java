package dev.reelmesh.orchestrator.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.server.Transports;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A leaf service given as host:port,host:port is balanced round-robin over the replicas. */
class AddressListTest {
  private static Server replica(AtomicInteger calls) throws Exception {
    ServerInterceptor count = new ServerInterceptor() {
      @Override
      public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call,
          io.grpc.Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
        calls.incrementAndGet();
        return next.startCall(call, headers);
      }
    };
    HealthStatusManager health = new HealthStatusManager();
    return Transports.netty("127.0.0.1", 0).addService(ServerInterceptors.intercept(
        health.getHealthService(), count)).build().start();
  }

  @Test
  void callsAreSpreadOverEveryListedReplica() throws Exception {
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    Server a = replica(first);
    Server b = replica(second);
    ManagedChannel channel = AddressList.channel("127.0.0.1:" + a.getPort() + ", 127.0.0.1:"
        + b.getPort());
    try {
      for (int i = 0; i < 20; i++) {
        HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance());
      }
      assertThat(first.get() + second.get()).isEqualTo(20);
      assertThat(first.get()).isBetween(9, 11);
    } finally {
      channel.shutdownNow();
      a.shutdownNow();
      b.shutdownNow();
    }
  }

  @Test
  void aMalformedListIsRefusedWithTheAddress() {
    assertThatThrownBy(() -> AddressList.channel("127.0.0.1:1,nohost"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nohost'");
  }
}
