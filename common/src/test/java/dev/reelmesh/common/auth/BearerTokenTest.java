package dev.reelmesh.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.MetadataUtils;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The channel's token goes on every call, unless the call already carries one of its own. */
class BearerTokenTest {
  @Test
  void aTokenAlreadyOnTheCallWinsOverTheChannels() throws Exception {
    List<List<String>> seen = new CopyOnWriteArrayList<>();
    ServerInterceptor capture = new ServerInterceptor() {
      @Override
      public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call,
          Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
        List<String> values = new java.util.ArrayList<>();
        headers.getAll(AuthInterceptor.AUTHORIZATION).forEach(values::add);
        seen.add(values);
        return next.startCall(call, headers);
      }
    };
    String name = InProcessServerBuilder.generateName();
    Server server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(
        new HealthStatusManager().getHealthService(), capture)).build().start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    try {
      var withChannelToken = ClientInterceptors.intercept(channel, new BearerToken("operator"));
      HealthGrpc.newBlockingStub(withChannelToken).check(HealthCheckRequest.getDefaultInstance());
      Metadata browser = new Metadata();
      browser.put(AuthInterceptor.AUTHORIZATION, "Bearer browser");
      HealthGrpc.newBlockingStub(withChannelToken).withInterceptors(MetadataUtils
          .newAttachHeadersInterceptor(browser)).check(HealthCheckRequest.getDefaultInstance());
      assertThat(seen).containsExactly(List.of("Bearer operator"), List.of("Bearer browser"));
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
    }
  }
}
