package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.auth.AuthConfig;
import dev.reelmesh.common.auth.BearerToken;
import dev.reelmesh.common.auth.TokenVerifier;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.common.testing.Health;
import dev.reelmesh.common.testing.TestTokens;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.ListModelsRequest;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.ScoringServiceGrpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reelmesh up} with authentication configured, and without it on a public address. */
class SecureUpTest {
  @TempDir Path dir;

  @Test
  void aPublicAddressWithoutAuthenticationIsRefusedUnlessInsecure() {
    CommandLine cli = ReelmeshMain.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    UpCommand up = cli.getSubcommands().get("up").getCommand();
    up.env = Map.of();
    int code = cli.execute("up", "--host", "0.0.0.0", "--data", dir.resolve("d").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("--insecure").contains(AuthConfig.SECRET);
  }

  @Test
  void withASecretEveryNetworkPortWantsATokenAndTheTokenCommandIssuesOne() throws Exception {
    Map<String, String> env = Map.of(AuthConfig.SECRET, TestTokens.SECRET);
    CommandLine cli = ReelmeshMain.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    TokenCommand token = cli.getSubcommands().get("token").getCommand();
    token.env = env;
    assertThat(cli.execute("token", "--tenant", "alice", "--roles", "submit", "--ttl", "2h"))
        .isZero();
    String alice = out.toString().strip();
    assertThat(new TokenVerifier(AuthConfig.fromEnv(env)).verify(alice).tenant())
        .isEqualTo("alice");

    int base = UpCommandTest.freePortBase();
    CommandLine upCli = ReelmeshMain.commandLine();
    upCli.setOut(new PrintWriter(new StringWriter(), true));
    UpCommand up = upCli.getSubcommands().get("up").getCommand();
    up.env = env;
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> upCli.execute("up",
        "--port-base", String.valueOf(base), "--data", dir.resolve("data").toString(),
        "--models", dir.resolve("models").toString()));
    assertThat(up.serving.await(60, TimeUnit.SECONDS)).isTrue();
    ManagedChannel anonymous = Transports.nettyChannel("127.0.0.1:" + base);
    ManagedChannel withToken = Transports.nettyChannel("127.0.0.1:" + base,
        InsecureChannelCredentials.create(), Optional.of(new BearerToken(alice)));
    ManagedChannel scoring = Transports.nettyChannel("127.0.0.1:" + (base + 2),
        InsecureChannelCredentials.create(), Optional.of(new BearerToken(alice)));
    try {
      assertThat(Health.check(anonymous, "")).isEqualTo(ServingStatus.SERVING);
      assertThatThrownBy(() -> PipelineServiceGrpc.newBlockingStub(anonymous)
          .listJobs(ListJobsRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
              e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
      assertThat(PipelineServiceGrpc.newBlockingStub(withToken)
          .listJobs(ListJobsRequest.getDefaultInstance())).isNotNull();
      assertThat(ScoringServiceGrpc.newBlockingStub(scoring)
          .listModels(ListModelsRequest.getDefaultInstance())).isNotNull();
    } finally {
      for (ManagedChannel c : new ManagedChannel[] {anonymous, withToken, scoring}) {
        c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      up.stop.countDown();
    }
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }
}
