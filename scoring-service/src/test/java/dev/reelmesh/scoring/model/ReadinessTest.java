package dev.reelmesh.scoring.model;

import static dev.reelmesh.scoring.ScoringAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.GetModelMetadataRequest;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.ModelReadyRequest;
import dev.reelmesh.v1.ModelReadyResponse;
import dev.reelmesh.v1.ModelState;
import dev.reelmesh.v1.UnloadModelRequest;
import io.grpc.Status.Code;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness per model and version (ModelReady, gRPC health) and the version policies. */
class ReadinessTest {
  @TempDir Path dir;
  final TinyModels models = new TinyModels(42);

  Path repo() {
    return dir.resolve("models");
  }

  @Test
  void readinessFollowsLoadUnloadFailureAndRemovalOnHealthAndModelReady() throws Exception {
    models.installPairAndHead(repo(), 1);
    TinyModels.install(repo(), "broken", 1, TinyModels.VISION_MANIFEST, "nope".getBytes(), false);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      assertThat(health(h, "clip-vision")).isEqualTo(ServingStatus.SERVING);
      assertThat(health(h, "broken")).isEqualTo(ServingStatus.NOT_SERVING);
      ModelReadyResponse ready = ready(h, "clip-vision", 0);
      assertThat(ready.getReady()).isTrue();
      assertThat(ready.getState()).isEqualTo(ModelState.MODEL_STATE_READY);
      assertThat(ready.getServingVersion()).isEqualTo(1);
      assertThat(ready(h, "clip-vision", 1).getReady()).isTrue();
      assertThat(ready(h, "broken", 0).getState()).isEqualTo(ModelState.MODEL_STATE_FAILED);
      assertThat(ready(h, "broken", 1).getReady()).isFalse();
      assertThat(meta(h, "clip-vision").getReady()).isTrue();
      assertThat(meta(h, "clip-vision").getVersionPolicy()).isEqualTo("latest 1");

      h.stub().unloadModel(UnloadModelRequest.newBuilder().setName("clip-vision").build());
      assertThat(health(h, "clip-vision")).isEqualTo(ServingStatus.NOT_SERVING);
      assertThat(ready(h, "clip-vision", 0).getState()).isEqualTo(ModelState.MODEL_STATE_UNLOADED);
      assertThat(ready(h, "clip-vision", 0).getReady()).isFalse();
      h.stub().loadModel(LoadModelRequest.newBuilder().setName("clip-vision").build());
      assertThat(health(h, "clip-vision")).isEqualTo(ServingStatus.SERVING);

      assertStatus(() -> ready(h, "../clip-vision", 0), Code.INVALID_ARGUMENT, "name: ");
      assertStatus(() -> ready(h, "clip-vision", -1), Code.INVALID_ARGUMENT, "version: ");
      assertStatus(() -> ready(h, "clip-vision", 7), Code.NOT_FOUND, "clip-vision has no version 7");
      assertStatus(() -> ready(h, "nope", 0), Code.NOT_FOUND, "no model 'nope'");

      // Gone from disk: its health entry is gone too.
      deleteTree(repo().resolve("broken"));
      h.runtime.repository().scan();
      assertStatus(() -> health(h, "broken"), Code.NOT_FOUND, "");
      assertThat(health(h, "clip-text")).isEqualTo(ServingStatus.SERVING);
    }
  }

  @Test
  void policyAllKeepsEveryVersionWarmSoAPinnedSwapNeedsNoLoad() throws Exception {
    String manifest = "{\"kind\":\"clip-vision\",\"preprocess\":{\"size\":8},"
        + "\"version_policy\":{\"all\":{}}}";
    for (int v = 1; v <= 3; v++) {
      TinyModels.install(repo(), "vision", v, manifest, new TinyModels(v).visionModel(), false);
    }
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      assertThat(states(meta(h, "vision"))).isEqualTo("1=READY 2=READY 3=READY");
      assertThat(meta(h, "vision").getServingVersion()).isEqualTo(3);
      LoadedModel three;
      try (ModelLease lease = h.runtime.repository().lease("vision").orElseThrow()) {
        three = lease.model();
      }
      ModelInfo pinned = h.stub().loadModel(LoadModelRequest.newBuilder().setName("vision")
          .setVersion(1).build()).getModel();
      assertThat(pinned.getServingVersion()).isEqualTo(1);
      assertThat(states(pinned)).isEqualTo("1=READY 2=READY 3=READY");
      assertThat(three.isClosed()).isFalse(); // still warm, not reloaded
      h.stub().unloadModel(UnloadModelRequest.newBuilder().setName("vision").setVersion(3).build());
      assertThat(states(meta(h, "vision"))).isEqualTo("1=READY 2=READY 3=UNLOADED");
      assertThat(three.isClosed()).isTrue();
      assertThat(ready(h, "vision", 3).getReady()).isFalse();
      assertThat(ready(h, "vision", 2).getReady()).isTrue();
    }
  }

  @Test
  void policiesLatestNAndSpecificChooseTheirVersionsAndBadOnesAreNamed() throws Exception {
    String base = "{\"kind\":\"clip-vision\",\"preprocess\":{\"size\":8},\"version_policy\":";
    for (int v = 1; v <= 3; v++) {
      byte[] onnx = new TinyModels(v).visionModel();
      TinyModels.install(repo(), "latest2", v, base + "{\"latest\":{\"num_versions\":2}}}", onnx, false);
      TinyModels.install(repo(), "specific", v, base + "{\"specific\":{\"versions\":[1,3]}}}", onnx, false);
    }
    TinyModels.install(repo(), "bad1", 1, base + "{\"newest\":{}}}", models.visionModel(), false);
    TinyModels.install(repo(), "bad2", 1, base + "{\"latest\":{\"num_versions\":0}}}",
        models.visionModel(), false);
    TinyModels.install(repo(), "bad3", 1, base + "{\"specific\":{\"versions\":[]}}}",
        models.visionModel(), false);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      assertThat(states(meta(h, "latest2"))).isEqualTo("1=UNLOADED 2=READY 3=READY");
      assertThat(meta(h, "latest2").getVersionPolicy()).isEqualTo("latest 2");
      assertThat(states(meta(h, "specific"))).isEqualTo("1=READY 2=UNLOADED 3=READY");
      assertThat(meta(h, "specific").getServingVersion()).isEqualTo(3);
      assertThat(meta(h, "bad1").getManifestError())
          .contains("version_policy 'newest' is not one of latest, all, specific");
      assertThat(meta(h, "bad2").getManifestError())
          .contains("version_policy.latest.num_versions must be an integer in [1, 16], got 0");
      assertThat(meta(h, "bad3").getManifestError())
          .contains("version_policy.specific.versions must be a non-empty list");
    }
  }

  static String states(ModelInfo info) {
    return info.getVersionsList().stream()
        .map(v -> v.getVersion() + "=" + v.getState().name().replace("MODEL_STATE_", ""))
        .collect(Collectors.joining(" "));
  }

  static ServingStatus health(ScoringHarness h, String model) {
    return HealthGrpc.newBlockingStub(h.server.channel()).check(HealthCheckRequest.newBuilder()
        .setService("reelmesh.v1.ScoringService/" + model).build()).getStatus();
  }

  static ModelReadyResponse ready(ScoringHarness h, String name, long version) {
    return h.stub().modelReady(ModelReadyRequest.newBuilder().setName(name).setVersion(version)
        .build());
  }

  static ModelInfo meta(ScoringHarness h, String name) {
    return h.stub().getModelMetadata(GetModelMetadataRequest.newBuilder().setName(name).build());
  }

  static void deleteTree(Path p) throws Exception {
    try (var walk = java.nio.file.Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

}
