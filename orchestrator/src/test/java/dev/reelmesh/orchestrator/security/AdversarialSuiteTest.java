package dev.reelmesh.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.fetch.FetchPolicy;
import dev.reelmesh.common.testing.Health;
import dev.reelmesh.common.testing.RawCalls;
import dev.reelmesh.common.testing.TestTokens;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.AssembleShotPromptRequest;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.GetCreditsRequest;
import dev.reelmesh.v1.GrantCreditsRequest;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.ListModelsRequest;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.ProbeRequest;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoringServiceGrpc;
import dev.reelmesh.v1.ShotFragments;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.UnloadModelRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mesh probed as an attacker would, over its network ports: bad credentials and roles on
 * every service, traversal and links out of the artifact root, wrong digests, SSRF URLs, pixel
 * bombs, oversized and malformed messages. Each case answers its precise status with the field
 * (or header) named; afterwards every service still serves.
 */
class AdversarialSuiteTest {
  @TempDir static Path dir;
  static SecuredMesh mesh;
  static Map<String, String> tokens;
  static ArtifactRef okPng;

  /** One probe: which service, with which token, what call, and what must come back. */
  record Case(String name, String service, String token, Call call, Status.Code code,
      String fragment) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface Call {
    void run(Channel channel) throws Exception;
  }

  static final List<String> SERVICES = List.of("pipeline", "llm", "scoring", "media");

  @BeforeAll
  static void start() throws Exception {
    // The hosts the scoring service may fetch from: every one of them is private.
    mesh = new SecuredMesh(dir, new FetchPolicy(Set.of("localhost", "127.0.0.1", "[::1]",
        "169.254.169.254", "10.0.0.1", "192.168.0.1", "172.16.0.1", "[fd00::1]",
        "[::ffff:7f00:1]", "0.0.0.0"), false, Duration.ofSeconds(3)));
    TestTokens t = mesh.tokens;
    var other = KeyPairGenerator.getInstance("RSA");
    other.initialize(2048);
    Date past = Date.from(Instant.now().minus(Duration.ofHours(3)));
    tokens = new java.util.HashMap<>(Map.of(
        "forged", TestTokens.rs256(other.generateKeyPair(),
            TestTokens.claims("m", "mallory", "admin").build()),
        "forged-secret", TestTokens.hs256("not-the-mesh-secret-but-long-enough!!",
            TestTokens.claims("m", "mallory", "admin").build()),
        "expired", t.hs256(TestTokens.with(TestTokens.claims("a", "alice", "submit"),
            c -> c.expirationTime(past))),
        "audience", t.hs256(TestTokens.with(TestTokens.claims("a", "alice", "submit"),
            c -> c.audience("another-mesh"))),
        "unsigned", TestTokens.unsigned(TestTokens.claims("m", "mallory", "admin").build()),
        "garbage", "x.y.z",
        "submit", t.token("alice", "submit"),
        "service", t.token("orchestrator", "service"),
        "admin", t.token("root", "admin"),
        "noroles", t.token("nobody")));
    Path root = mesh.settings.artifactRoot();
    Files.createDirectories(root);
    Files.write(root.resolve("ok.png"), TestMedia.png(64, 64));
    okPng = new ArtifactStore(root).describe(root.resolve("ok.png"));
    Files.createSymbolicLink(root.resolve("etc"), Path.of("/etc"));
    Files.createSymbolicLink(root.resolve("passwd.png"), Path.of("/etc/passwd"));
    Files.write(root.resolve("bomb.png"), pixelBomb());
  }

  @AfterAll
  static void stop() {
    if (mesh != null) {
      mesh.close();
    }
  }

  /** A valid 8x8 PNG whose header claims 100,000 x 100,000 pixels. */
  static byte[] pixelBomb() throws Exception {
    byte[] png = TestMedia.png(8, 8);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png);
    b.putInt(16, 100_000).putInt(20, 100_000);
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17);
    b.putInt(29, (int) crc.getValue());
    return png;
  }

  static Call representative(String service) {
    return switch (service) {
      case "pipeline" -> c -> PipelineServiceGrpc.newBlockingStub(c)
          .listJobs(ListJobsRequest.getDefaultInstance());
      case "llm" -> c -> LlmServiceGrpc.newBlockingStub(c).assembleShotPrompt(shot());
      case "scoring" -> c -> ScoringServiceGrpc.newBlockingStub(c)
          .listModels(ListModelsRequest.getDefaultInstance());
      default -> c -> MediaServiceGrpc.newBlockingStub(c).probe(ProbeRequest.newBuilder()
          .setMedia(okPng).build());
    };
  }

  static String method(String service) {
    return switch (service) {
      case "pipeline" -> "reelmesh.v1.PipelineService/ListJobs";
      case "llm" -> "reelmesh.v1.LlmService/AssembleShotPrompt";
      case "scoring" -> "reelmesh.v1.ScoringService/ListModels";
      default -> "reelmesh.v1.MediaService/Probe";
    };
  }

  static AssembleShotPromptRequest shot() {
    return AssembleShotPromptRequest.newBuilder().setFragments(ShotFragments.newBuilder()
        .setSubject("a red kettle").setAction("pours water").setSetting("a kitchen")
        .setCameraMove("push-in").setLighting("morning light").setMood("calm")).build();
  }

  static Call probe(String uri) {
    return probe(ArtifactRef.newBuilder().setUri(uri).build());
  }

  static Call probe(ArtifactRef ref) {
    return c -> MediaServiceGrpc.newBlockingStub(c).probe(ProbeRequest.newBuilder()
        .setMedia(ref).build());
  }

  static Call score(ImageSource image) {
    return c -> ScoringServiceGrpc.newBlockingStub(c).scoreImages(ScoreImagesRequest
        .newBuilder().addImages(image).addScorers("builtin-technical").build());
  }

  static Call scoreArtifact(String uri) {
    return score(ImageSource.newBuilder().setArtifact(ArtifactRef.newBuilder().setUri(uri))
        .build());
  }

  static Call scoreUrl(String url) {
    return score(ImageSource.newBuilder().setUrl(url).build());
  }

  static Call raw(String method, byte[] bytes) {
    return c -> RawCalls.unary(c, method, bytes);
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    Status.Code unauth = Status.Code.UNAUTHENTICATED;
    Status.Code denied = Status.Code.PERMISSION_DENIED;
    Status.Code invalid = Status.Code.INVALID_ARGUMENT;
    Map<String, String> badTokens = Map.of("none", "no bearer token",
        "forged", "refused", "forged-secret", "Invalid signature", "expired", "Expired JWT",
        "audience", "aud claim rejected", "unsigned", "refused", "garbage", "refused");
    for (String service : SERVICES) {
      badTokens.forEach((token, fragment) -> cases.add(new Case(service + ": " + token
          + " token", service, token, representative(service), unauth, fragment)));
      cases.add(new Case(service + ": token without roles", service, "noroles",
          representative(service), denied, "needs one of"));
    }
    cases.add(new Case("submit loads a model", "scoring", "submit", c -> ScoringServiceGrpc
        .newBlockingStub(c).loadModel(LoadModelRequest.newBuilder().setName("clip").build()),
        denied, "[admin]"));
    cases.add(new Case("service unloads a model", "scoring", "service", c -> ScoringServiceGrpc
        .newBlockingStub(c).unloadModel(UnloadModelRequest.newBuilder().setName("clip").build()),
        denied, "[admin]"));
    cases.add(new Case("submit reads another tenant's budget", "pipeline", "submit",
        c -> PipelineServiceGrpc.newBlockingStub(c).getBudget(GetBudgetRequest.newBuilder()
            .setTenant("mallory").build()), denied, "tenant: only an admin"));
    cases.add(new Case("submit grants credits", "pipeline", "submit",
        c -> PipelineServiceGrpc.newBlockingStub(c).grantCredits(GrantCreditsRequest
            .newBuilder().setTenant("alice").setAmountMicros(1_000_000).build()), denied,
        "[admin]"));
    cases.add(new Case("service reads credits", "pipeline", "service",
        c -> PipelineServiceGrpc.newBlockingStub(c).getCredits(GetCreditsRequest.newBuilder()
            .setTenant("alice").build()), denied, "[admin]"));
    cases.add(new Case("admin grants credits to no tenant name", "pipeline", "admin",
        c -> PipelineServiceGrpc.newBlockingStub(c).grantCredits(GrantCreditsRequest
            .newBuilder().setTenant("../x").setAmountMicros(1).build()),
        invalid, "tenant: must be a tenant name"));
    cases.add(new Case("admin grants a negative amount", "pipeline", "admin",
        c -> PipelineServiceGrpc.newBlockingStub(c).grantCredits(GrantCreditsRequest
            .newBuilder().setTenant("alice").setAmountMicros(-5).build()),
        invalid, "amount_micros: must be in 1..1000000000000"));
    cases.add(new Case("admin reads too much credit history", "pipeline", "admin",
        c -> PipelineServiceGrpc.newBlockingStub(c).getCredits(GetCreditsRequest.newBuilder()
            .setTenant("alice").setHistoryLimit(5000).build()),
        invalid, "history_limit: must be in 0..1000"));
    cases.add(new Case("service submits a job", "pipeline", "service", c -> PipelineServiceGrpc
        .newBlockingStub(c).submitJob(SubmitJobRequest.newBuilder().setSpec(JobSpec.newBuilder()
            .setBrief("x").setDurationSeconds(6)).build()), denied, "[submit]"));
    // Traversal and links out of the artifact root, through the media and scoring services.
    String outside = "outside the artifact root";
    for (String uri : List.of("../../etc/passwd", "/etc/passwd", "file:///etc/passwd",
        "a/../../secret", "etc/passwd", "passwd.png")) {
      cases.add(new Case("probe " + uri, "media", "submit", probe(uri), invalid,
          "media: '" + uri + "' is " + outside));
    }
    cases.add(new Case("probe a remote URL", "media", "submit",
        probe("http://169.254.169.254/latest"), invalid, "media: only paths"));
    cases.add(new Case("probe a 100 KB path", "media", "submit", probe("a/".repeat(50_000)),
        invalid, "media.uri: is 100000 characters"));
    cases.add(new Case("probe a path 40 levels deep", "media", "submit",
        probe("d/".repeat(40) + "x.mp4"), invalid, "media.uri: is 41 directories deep"));
    for (String uri : List.of("../x.png", "etc/passwd", "passwd.png")) {
      cases.add(new Case("score artifact " + uri, "scoring", "submit", scoreArtifact(uri),
          invalid, "images[0]: '" + uri + "' is " + outside));
    }
    cases.add(new Case("score a 100 KB path", "scoring", "submit",
        scoreArtifact("a/".repeat(50_000)), invalid, "images[0].uri: is 100000 characters"));
    // Digests and sizes that do not describe the content.
    String wrong = "0".repeat(64);
    cases.add(new Case("probe with a wrong sha256", "media", "submit",
        probe(okPng.toBuilder().setSha256(wrong).build()), invalid, "media.sha256: does not match"));
    cases.add(new Case("probe with a wrong size", "media", "submit",
        probe(okPng.toBuilder().setSizeBytes(1).build()), invalid, "media.size_bytes: says 1"));
    cases.add(new Case("probe with a malformed sha256", "media", "submit",
        probe(okPng.toBuilder().setSha256("abc").build()), invalid, "media.sha256: must be 64"));
    cases.add(new Case("score with a wrong sha256", "scoring", "submit",
        score(ImageSource.newBuilder().setArtifact(okPng.toBuilder().setSha256(wrong)).build()),
        invalid, "images[0].sha256: does not match"));
    // SSRF: every allowed host is private, by name or by address.
    for (String url : List.of("http://localhost/x.png", "http://127.0.0.1:1/x.png",
        "http://[::1]/x.png", "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/x.png", "http://192.168.0.1/x.png", "http://172.16.0.1/x.png",
        "http://[fd00::1]/x.png", "http://[::ffff:7f00:1]/x.png", "http://0.0.0.0/x.png")) {
      cases.add(new Case("fetch " + url, "scoring", "submit", scoreUrl(url), denied,
          "images[0].url: "));
    }
    cases.add(new Case("fetch from a host not listed", "scoring", "submit",
        scoreUrl("http://evil.example/x.png"), denied, "images[0].url: host 'evil.example'"));
    cases.add(new Case("fetch by ftp", "scoring", "submit", scoreUrl("ftp://localhost/x.png"),
        invalid, "images[0].url: only http(s)"));
    // Pixel bombs, inline and by artifact.
    byte[] bomb;
    try {
      bomb = pixelBomb();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    cases.add(new Case("an inline pixel bomb", "scoring", "submit",
        score(ImageSource.newBuilder().setData(ByteString.copyFrom(bomb)).build()), invalid,
        "images[0]: image is 100000x100000"));
    cases.add(new Case("a pixel bomb artifact", "scoring", "submit", scoreArtifact("bomb.png"),
        invalid, "images[0]: image is 100000x100000"));
    // Oversized and malformed messages, on every service.
    cases.add(new Case("a 5 MiB plan request", "llm", "submit", raw(
        "reelmesh.v1.LlmService/PlanScript", PlanScriptRequest.newBuilder()
            .setBrief("x".repeat(5 << 20)).build().toByteArray()),
        Status.Code.RESOURCE_EXHAUSTED, "reelmesh.v1.LlmService/PlanScript: the request is"));
    cases.add(new Case("a 65 MiB scoring request", "scoring", "submit", raw(
        "reelmesh.v1.ScoringService/ScoreImages", new byte[65 << 20]),
        Status.Code.RESOURCE_EXHAUSTED, "exceeds maximum"));
    for (String service : SERVICES) {
      cases.add(new Case(service + ": truncated protobuf", service, "submit",
          raw(method(service), RawCalls.truncated()), invalid, method(service) + ": the request "
              + "is not a valid"));
    }
    // A string field holding bytes that are not UTF-8, on a method of each service.
    cases.add(new Case("pipeline: invalid UTF-8 job id", "pipeline", "submit",
        raw("reelmesh.v1.PipelineService/GetJob", RawCalls.invalidUtf8At(1)), invalid, "UTF-8"));
    cases.add(new Case("llm: invalid UTF-8 brief", "llm", "submit",
        raw("reelmesh.v1.LlmService/PlanScript", RawCalls.invalidUtf8At(1)), invalid, "UTF-8"));
    cases.add(new Case("llm: invalid UTF-8 shot subject", "llm", "submit",
        raw(method("llm"), RawCalls.invalidUtf8At(1, 1)), invalid, "UTF-8"));
    cases.add(new Case("scoring: invalid UTF-8 model name", "scoring", "submit",
        raw("reelmesh.v1.ScoringService/GetModelMetadata", RawCalls.invalidUtf8At(1)), invalid,
        "UTF-8"));
    cases.add(new Case("media: invalid UTF-8 artifact uri", "media", "submit",
        raw(method("media"), RawCalls.invalidUtf8At(1, 1)), invalid, "UTF-8"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBadInputAnswersItsPreciseStatusNamingTheField(Case c) {
    Channel channel = mesh.channel(c.service(), c.token().equals("none") ? null
        : tokens.get(c.token()));
    assertThatThrownBy(() -> c.call().run(channel))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(c.code());
          assertThat(e.getStatus().getDescription()).contains(c.fragment());
          if (c.code() == Status.Code.UNAUTHENTICATED
              || c.code() == Status.Code.PERMISSION_DENIED && !c.fragment().startsWith("images")
              && !c.fragment().startsWith("tenant")) {
            assertThat(e.getStatus().getDescription()).startsWith("authorization: ");
          }
        });
  }

  @Test
  void theSuiteIsLargeAndEveryServiceKeepsServing() throws Exception {
    assertThat(cases().count()).isGreaterThanOrEqualTo(60);
    for (String service : SERVICES) {
      Channel channel = mesh.channel(service, tokens.get("submit"));
      assertThat(Health.check(channel, "")).isEqualTo(ServingStatus.SERVING);
      representative(service).run(channel);
    }
    assertThat(ScoringServiceGrpc.newBlockingStub(mesh.channel("scoring", tokens.get("submit")))
        .withDeadlineAfter(30, TimeUnit.SECONDS).scoreImages(ScoreImagesRequest.newBuilder()
            .addImages(ImageSource.newBuilder().setArtifact(okPng)).addScorers("builtin-technical")
            .build()).getResultsCount()).isEqualTo(1);
  }
}
