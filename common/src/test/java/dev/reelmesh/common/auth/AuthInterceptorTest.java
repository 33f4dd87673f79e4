package dev.reelmesh.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.common.testing.Health;
import dev.reelmesh.common.testing.TestTokens;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.LoadModelResponse;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.ScoringServiceGrpc;
import dev.reelmesh.v1.ListModelsRequest;
import dev.reelmesh.v1.ListModelsResponse;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad credential against a served service, then the good ones. */
class AuthInterceptorTest {
  @TempDir static Path dir;
  static TestTokens tokens;
  static ServiceHost host;
  static ManagedChannel channel;

  /** Answers who called, as the service sees it in its Context. */
  static final class WhoAmI extends ScoringServiceGrpc.ScoringServiceImplBase {
    @Override
    public void listModels(ListModelsRequest request, StreamObserver<ListModelsResponse> out) {
      Principal caller = Principal.current();
      out.onNext(ListModelsResponse.newBuilder().setRepositoryPath(caller.tenant() + "/"
          + caller.subject()).build());
      out.onCompleted();
    }

    @Override
    public void loadModel(LoadModelRequest request, StreamObserver<LoadModelResponse> out) {
      out.onNext(LoadModelResponse.newBuilder().setModel(ModelInfo.newBuilder()
          .setName(request.getName())).build());
      out.onCompleted();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    tokens = new TestTokens(dir);
    String name = "auth-" + UUID.randomUUID();
    host = ServiceHost.start(Transports.inProcess(name), List.of(new WhoAmI()),
        AuthInterceptor.forConfig(tokens.config()));
    channel = Transports.inProcessChannel(name);
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    host.shutdown(1000);
  }

  static ScoringServiceGrpc.ScoringServiceBlockingStub stub(String authorization) {
    Metadata headers = new Metadata();
    if (authorization != null) {
      headers.put(AuthInterceptor.AUTHORIZATION, authorization);
    }
    return ScoringServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  static Arguments refused(String name, String authorization, String fragment) {
    return Arguments.of(name, authorization, fragment);
  }

  static Stream<Arguments> badCredentials() throws Exception {
    TestTokens t = new TestTokens(dir.resolve("other"));
    var other = KeyPairGenerator.getInstance("RSA");
    other.initialize(2048);
    Date past = Date.from(Instant.now().minus(Duration.ofHours(2)));
    return Stream.of(
        refused("no header", null, "no bearer token"),
        refused("not bearer", "Basic dXNlcjpwdw==", "expected 'Bearer <token>'"),
        refused("not a JWT", "Bearer not-a-jwt", "not a JWT"),
        refused("forged: another secret", "Bearer " + TestTokens.hs256(
            "another-secret-that-is-long-enough-32b", TestTokens.claims("m", "mallory", "submit")
                .build()), "refused"),
        refused("forged: another RSA key", "Bearer " + TestTokens.rs256(other.generateKeyPair(),
            TestTokens.claims("m", "mallory", "submit").build()), "refused"),
        refused("forged: alg none", "Bearer " + TestTokens.unsigned(
            TestTokens.claims("m", "mallory", "admin").build()), "refused"),
        refused("expired", "Bearer " + tokens.hs256(TestTokens.with(
            TestTokens.claims("a", "alice", "submit"), c -> c.expirationTime(past))), "Expired"),
        refused("wrong audience", "Bearer " + tokens.hs256(TestTokens.with(
            TestTokens.claims("a", "alice", "submit"), c -> c.audience("other-mesh"))),
            "aud claim rejected"),
        refused("no expiry", "Bearer " + tokens.hs256(TestTokens.with(
            TestTokens.claims("a", "alice", "submit"), c -> c.expirationTime(null))), "exp"),
        refused("no tenant", "Bearer " + tokens.hs256(TestTokens.with(
            TestTokens.claims("a", "alice", "submit"), c -> c.claim("tenant", null))), "tenant"),
        refused("tenant with a path", "Bearer " + tokens.hs256(
            TestTokens.claims("a", "../alice", "submit").build()), "tenant: must be"),
        refused("key of another mesh's test issuer", "Bearer " + TestTokens.es256(t.ec,
            TestTokens.claims("a", "alice", "submit").build()), "refused"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCredentials")
  void badCredentialsAreUnauthenticatedNamingTheHeader(String name, String authorization,
      String fragment) {
    assertThatThrownBy(() -> stub(authorization).listModels(ListModelsRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
          assertThat(e.getStatus().getDescription()).startsWith("authorization: ")
              .contains(fragment).contains("reelmesh.v1.ScoringService/ListModels");
        });
  }

  @Test
  void everyKindOfValidTokenReachesTheServiceWithItsCallerInTheContext() {
    assertThat(stub("Bearer " + tokens.token("alice", "submit"))
        .listModels(ListModelsRequest.getDefaultInstance()).getRepositoryPath())
        .isEqualTo("alice/alice-user");
    assertThat(stub("Bearer " + TestTokens.rs256(tokens.rsa, TestTokens.claims("ci", "bob",
        "service").build())).listModels(ListModelsRequest.getDefaultInstance())
        .getRepositoryPath()).isEqualTo("bob/ci");
    assertThat(stub("Bearer " + TestTokens.es256(tokens.ec, TestTokens.claims("e", "carol",
        "submit").build())).listModels(ListModelsRequest.getDefaultInstance())
        .getRepositoryPath()).isEqualTo("carol/e");
  }

  @Test
  void aTokenWithoutTheRoleAMethodNeedsIsPermissionDenied() {
    for (String role : new String[] {"submit", "service"}) {
      assertThatThrownBy(() -> stub("Bearer " + tokens.token("alice", role))
          .loadModel(LoadModelRequest.newBuilder().setName("clip").build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(e.getStatus().getDescription()).startsWith("authorization: ")
                .contains("[" + role + "]").contains("[admin]");
          });
    }
    assertThatThrownBy(() -> stub("Bearer " + tokens.token("alice"))
        .listModels(ListModelsRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
            e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    assertThat(stub("Bearer " + tokens.token("root", "admin"))
        .loadModel(LoadModelRequest.newBuilder().setName("clip").build()).getModel().getName())
        .isEqualTo("clip");
  }

  @Test
  void healthNeedsNoTokenButReflectionDoes() {
    assertThat(Health.check(channel, "reelmesh.v1.ScoringService"))
        .isEqualTo(ServingStatus.SERVING);
    assertThatThrownBy(() -> Health.listServices(channel)).cause()
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
            e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }

  @Test
  void theIssuerMakesTokensTheVerifierAccepts() {
    TokenIssuer issuer = new TokenIssuer(tokens.config());
    String token = issuer.issue(new Principal("dana", "dana", TokenIssuer.roles("submit")),
        Duration.ofMinutes(5));
    assertThat(new TokenVerifier(tokens.config()).verify(token))
        .isEqualTo(new Principal("dana", "dana", java.util.Set.of(Role.SUBMIT)));
    assertThatThrownBy(() -> TokenIssuer.roles("submit,root"))
        .hasMessageContaining("unknown role 'root'");
  }
}
