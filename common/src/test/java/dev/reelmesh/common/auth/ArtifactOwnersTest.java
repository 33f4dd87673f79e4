package dev.reelmesh.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.v1.ArtifactRef;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job folders, uploads and a tenant's space are their tenant's: other callers meet a missing
 * file, services meet the file.
 */
class ArtifactOwnersTest {
  @TempDir Path dir;
  ArtifactStore store;
  ArtifactRef video;

  static Principal caller(String tenant, Role role) {
    return new Principal(tenant + "-user", tenant, EnumSet.of(role));
  }

  static <T> T as(Principal caller, Callable<T> work) throws Exception {
    return Context.current().withValue(Principal.KEY, caller).call(work);
  }

  @BeforeEach
  void files() throws Exception {
    store = new ArtifactStore(dir);
    ArtifactOwners.claim(store.root(), "job-1", "alice");
    Files.writeString(store.root().resolve("jobs/job-1/final.mp4"), "video");
    Files.createDirectories(store.root().resolve("jobs/job-old"));
    Files.writeString(store.root().resolve("jobs/job-old/final.mp4"), "old");
    video = ArtifactRef.newBuilder().setUri("jobs/job-1/final.mp4").build();
  }

  @Test
  void theOwnerAndServicesReadAJobsFilesAndAnotherTenantMeetsAMissingOne() throws Exception {
    assertThat(as(caller("alice", Role.SUBMIT), () -> store.resolveExisting("media", video)))
        .hasFileName("final.mp4");
    assertThat(as(caller("orchestrator", Role.SERVICE), () -> store.resolveExisting("media",
        video))).exists();
    assertThat(store.resolveExisting("media", video)).as("outside a served call").exists();
    StatusRuntimeException other = refused(caller("mallory", Role.SUBMIT), video);
    StatusRuntimeException missing = refused(caller("alice", Role.SUBMIT),
        ArtifactRef.newBuilder().setUri("jobs/job-1/absent.mp4").build());
    assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(other.getStatus().getDescription()).isEqualTo("media: no artifact at "
        + "'jobs/job-1/final.mp4'");
    assertThat(missing.getStatus().getDescription()).isEqualTo("media: no artifact at "
        + "'jobs/job-1/absent.mp4'");
    // The same answer for a file of another tenant that is not there.
    assertThat(refused(caller("mallory", Role.SUBMIT), ArtifactRef.newBuilder()
        .setUri("jobs/job-1/absent.mp4").build()).getStatus().getDescription())
        .isEqualTo(missing.getStatus().getDescription());
  }

  @Test
  void aFolderWithoutAMarkIsTheMeshsAlone() throws Exception {
    ArtifactRef old = ArtifactRef.newBuilder().setUri("jobs/job-old/final.mp4").build();
    assertThat(refused(caller("local", Role.SUBMIT), old).getStatus().getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(as(Principal.LOCAL, () -> store.resolveExisting("media", old))).exists();
  }

  @Test
  void onlyTheMeshWritesIntoAJobFolder() throws Exception {
    assertThatThrownBy(() -> as(caller("alice", Role.SUBMIT), () -> store.newOutput(
        "output_path", "jobs/job-1/mine.mp4", "media", ".mp4")))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
          assertThat(e.getStatus().getDescription()).startsWith("output_path: "
              + "'jobs/job-1/mine.mp4' is inside a job's folder");
        });
    assertThat(as(caller("alice", Role.SUBMIT), () -> store.newOutput("output_path",
        "tenants/alice/mine.mp4", "media", ".mp4"))).hasFileName("mine.mp4");
    assertThat(as(caller("orchestrator", Role.SERVICE), () -> store.newOutput("output_path",
        "jobs/job-1/clip.mp4", "media", ".mp4"))).hasFileName("clip.mp4");
  }

  @Test
  void anUploadIsItsTenantsAndAnUnmarkedOneTheMeshs() throws Exception {
    Path alices = as(caller("alice", Role.SUBMIT), () -> ArtifactOwners.uploadFolder(
        store.root()));
    assertThat(store.root().relativize(alices).toString()).isEqualTo("uploads/alice");
    assertThat(ArtifactOwners.uploadFolder(store.root())).as("outside a served call")
        .isEqualTo(store.root().resolve("uploads"));
    Files.createDirectories(alices);
    Files.writeString(alices.resolve("u1-ref.png"), "png");
    Files.writeString(store.root().resolve("uploads/u0-old.png"), "old");
    ArtifactRef upload = ArtifactRef.newBuilder().setUri("uploads/alice/u1-ref.png").build();
    ArtifactRef old = ArtifactRef.newBuilder().setUri("uploads/u0-old.png").build();
    assertThat(as(caller("alice", Role.SUBMIT), () -> store.resolveExisting("media", upload)))
        .exists();
    assertThat(as(caller("orchestrator", Role.SERVICE), () -> store.resolveExisting("media",
        upload))).exists();
    StatusRuntimeException other = refused(caller("mallory", Role.SUBMIT), upload);
    assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(other.getStatus().getDescription()).isEqualTo("media: no artifact at "
        + "'uploads/alice/u1-ref.png'");
    assertThat(refused(caller("alice", Role.SUBMIT), old).getStatus().getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(as(Principal.LOCAL, () -> store.resolveExisting("media", old))).exists();
  }

  @Test
  void onlyUploadWritesIntoUploads() {
    assertThatThrownBy(() -> as(caller("mallory", Role.SUBMIT), () -> store.newOutput(
        "output_path", "uploads/alice/u1-ref.png", "media", ".png")))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
          assertThat(e.getStatus().getDescription()).isEqualTo("output_path: "
              + "'uploads/alice/u1-ref.png' is inside uploads/, which only MediaService.Upload "
              + "writes; choose another output path");
        });
  }

  @Test
  void aTenantsUsersDefaultOutputsGoIntoItsSpaceAndTheMeshsWhereTheyWent() throws Exception {
    assertThat(relative(as(caller("alice", Role.SUBMIT), () -> store.newOutput("output_path",
        "", "media", ".mp4")))).startsWith("tenants/alice/media/").endsWith(".mp4");
    assertThat(as(caller("alice", Role.SUBMIT), () -> ArtifactOwners.outputFolder(store.root(),
        "media"))).isEqualTo(store.root().resolve("tenants/alice/media"));
    for (Principal mesh : List.of(caller("orchestrator", Role.SERVICE), caller("root",
        Role.ADMIN), Principal.LOCAL)) {
      assertThat(relative(as(mesh, () -> store.newOutput("output_path", "", "media", ".mp4"))))
          .as(mesh.subject()).startsWith("media/").doesNotStartWith("tenants/");
    }
    assertThat(relative(store.newOutput("output_path", "", "media", ".mp4")))
        .as("outside a served call").startsWith("media/");
  }

  @Test
  void aTenantsUserWritesOnlyInsideItsOwnSpace() throws Exception {
    for (String outside : List.of("media/mine.mp4", "tenants/mallory/x.mp4", "tenants/x.mp4",
        "tenants/alice/../mallory/x.mp4", "mine.mp4")) {
      assertThat(writeRefused(caller("alice", Role.SUBMIT), outside))
          .isEqualTo("output_path: '" + outside + "' is outside tenants/alice/, this tenant's "
              + "own space, where its direct outputs go; choose a path there or leave the field "
              + "empty for a fresh name there");
    }
    assertThat(as(caller("alice", Role.SUBMIT), () -> store.newOutput("output_path",
        "tenants/alice/deep/er/x.mp4", "media", ".mp4"))).hasFileName("x.mp4");
    assertThat(as(caller("root", Role.ADMIN), () -> store.newOutput("output_path",
        "tenants/alice/x.mp4", "media", ".mp4"))).as("an admin writes anywhere")
        .hasFileName("x.mp4");
    assertThat(as(caller("orchestrator", Role.SERVICE), () -> store.newOutput("output_path",
        "media/theirs.mp4", "media", ".mp4"))).hasFileName("theirs.mp4");
  }

  @Test
  void aTenantsSpaceIsReadByItsTenantAndTheMeshAndAnotherMeetsAMissingFile() throws Exception {
    Path clip = as(caller("alice", Role.SUBMIT), () -> store.newOutput("output_path", "",
        "media", ".mp4"));
    Files.writeString(clip, "clip");
    Files.writeString(store.root().resolve("tenants/loose.mp4"), "loose");
    ArtifactRef ref = ArtifactRef.newBuilder().setUri(relative(clip)).build();
    assertThat(as(caller("alice", Role.SUBMIT), () -> store.resolveExisting("media", ref)))
        .isEqualTo(clip);
    assertThat(as(caller("orchestrator", Role.SERVICE), () -> store.resolveExisting("media",
        ref))).isEqualTo(clip);
    assertThat(as(caller("root", Role.ADMIN), () -> store.resolveExisting("media", ref)))
        .isEqualTo(clip);
    StatusRuntimeException other = refused(caller("mallory", Role.SUBMIT), ref);
    assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(other.getStatus().getDescription()).isEqualTo("media: no artifact at '"
        + ref.getUri() + "'");
    String absent = ref.getUri().replace(".mp4", "-absent.mp4");
    assertThat(refused(caller("alice", Role.SUBMIT), ArtifactRef.newBuilder().setUri(absent)
        .build()).getStatus().getDescription()).as("the same words as a missing file")
        .isEqualTo("media: no artifact at '" + absent + "'");
    ArtifactRef loose = ArtifactRef.newBuilder().setUri("tenants/loose.mp4").build();
    assertThat(refused(caller("alice", Role.SUBMIT), loose).getStatus().getCode())
        .as("a file directly in tenants/ is no tenant's").isEqualTo(Status.Code.NOT_FOUND);
    assertThat(store.resolveExisting("media", loose)).exists();
  }

  @Test
  void thePlaceRuleForNamesIsTheRuleForFiles() {
    assertThat(ArtifactOwners.placeAllows("alice", "tenants/alice/media/a.mp4")).isTrue();
    assertThat(ArtifactOwners.placeAllows("alice", "uploads/alice/u1-ref.png")).isTrue();
    assertThat(ArtifactOwners.placeAllows("mallory", "tenants/alice/media/a.mp4")).isFalse();
    assertThat(ArtifactOwners.placeAllows("mallory", "uploads/alice/u1-ref.png")).isFalse();
    assertThat(ArtifactOwners.placeAllows("alice", "tenants/loose.mp4")).isFalse();
    assertThat(ArtifactOwners.placeAllows("alice", "uploads/u0-old.png")).isFalse();
    assertThat(ArtifactOwners.placeAllows("mallory", "ok.png")).isTrue();
    assertThat(ArtifactOwners.placeAllows("mallory", "media/old.mp4")).isTrue();
  }

  private String relative(Path file) {
    return store.root().relativize(file).toString().replace('\\', '/');
  }

  private String writeRefused(Principal caller, String path) {
    try {
      as(caller, () -> store.newOutput("output_path", path, "media", ".mp4"));
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).as(path).isEqualTo(Status.Code.PERMISSION_DENIED);
      return e.getStatus().getDescription();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError(caller + " wrote " + path);
  }

  private StatusRuntimeException refused(Principal caller, ArtifactRef ref) {
    try {
      as(caller, () -> store.resolveExisting("media", ref));
    } catch (StatusRuntimeException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError(caller + " read " + ref.getUri());
  }
}
