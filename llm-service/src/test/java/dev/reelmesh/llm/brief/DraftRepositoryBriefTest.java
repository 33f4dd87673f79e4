package dev.reelmesh.llm.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.LlmConfig;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.v1.DraftRepositoryBriefRequest;
import dev.reelmesh.v1.DraftRepositoryBriefResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.TokenBudgetLevel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftRepositoryBriefTest {
  @TempDir Path dir;

  private Path repo() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repos/ide-recorder"));
    Files.writeString(repo.resolve("README.md"), "# IDE Recorder\n\n![badge](x.svg)\n\nRecords every keystroke of"
        + " a coding session and plays it back as a film. Built for teaching.\n\n## Install\n");
    Path src = Files.createDirectories(repo.resolve("src"));
    Files.writeString(src.resolve("ScreenRecorder.java"), "class ScreenRecorder { void start() { throw new"
        + " IllegalStateException(); } }\nclass EventTracker {}\nclass TimelineManager {}\n");
    Files.writeString(src.resolve("upload.py"), "def upload_recording(path):\n    raise ModuleNotFoundError('x')\n"
        + "class RecordingUploader:\n    pass\n# ModuleNotFoundError again\n");
    Files.createDirectories(repo.resolve("node_modules/lib"));
    Files.writeString(repo.resolve("node_modules/lib/Ignored.js"), "class IgnoredThing {}");
    return repo;
  }

  private Map<String, String> roots() {
    return Map.of("REELMESH_REPO_ROOTS", dir.resolve("repos").toString());
  }

  private DraftRepositoryBriefResponse draft(DraftRepositoryBriefRequest request, Map<String, String> env) throws Exception {
    try (InProcessService s = InProcessService.start(LlmServices.create(new MeshSettings(dir, dir), LlmConfig.fromEnv(env)))) {
      return LlmServiceGrpc.newBlockingStub(s.channel()).draftRepositoryBrief(request);
    }
  }

  @Test
  void scansReadmeNamesAndErrorsIntoConceptsBeatsAndBrief() throws Exception {
    DraftRepositoryBriefResponse r = draft(DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repo().toString()).setAudience("engineering managers")
        .setStoryTemplate("silent-film comedy").build(), roots());
    assertThat(r.getTitle()).isEqualTo("IDE Recorder");
    assertThat(r.getFilesScanned()).isEqualTo(3);
    assertThat(r.getConceptsList()).contains("ScreenRecorder", "ModuleNotFoundError").doesNotContain("IgnoredThing");
    assertThat(r.getStoryBeatsList()).hasSize(4);
    assertThat(r.getStoryBeats(0)).startsWith("hook: Records every keystroke");
    assertThat(r.getStoryBeats(1)).contains("ModuleNotFoundError");
    assertThat(r.getStoryBeats(3)).isEqualTo("call to action: try IDE Recorder today");
    assertThat(r.getBrief()).startsWith("A 30-second silent-film comedy video for engineering managers about IDE Recorder.");
    assertThat(r.getEngine().getEngine()).isEqualTo("offline-template");
  }

  @Test
  void budgetLevelCapsTheBrief() throws Exception {
    Path repo = repo();
    for (int i = 0; i < 40; i++) {
      Files.writeString(repo.resolve("src/Gen" + i + ".java"), "class WidgetFactoryNumber" + i + "Builder {}");
    }
    DraftRepositoryBriefResponse low = draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(repo.toString())
        .setBudget(TokenBudgetLevel.TOKEN_BUDGET_LEVEL_ULTRA_LOW).build(), roots());
    DraftRepositoryBriefResponse high = draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(repo.toString())
        .setBudget(TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD).build(), roots());
    assertThat(low.getBrief().length()).isLessThanOrEqualTo(1_000);
    assertThat(low.getConceptsCount()).isLessThanOrEqualTo(3);
    assertThat(high.getConceptsCount()).isGreaterThan(low.getConceptsCount());
  }

  @Test
  void badPathsGetPreciseStatuses() throws Exception {
    Path repos = Files.createDirectories(dir.resolve("repos"));
    Path file = Files.writeString(repos.resolve("file.txt"), "x");
    expect(Status.Code.INVALID_ARGUMENT, "repository_path", DraftRepositoryBriefRequest.newBuilder().build(), roots());
    expect(Status.Code.NOT_FOUND, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repos.resolve("missing").toString()).build(), roots());
    expect(Status.Code.INVALID_ARGUMENT, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(file.toString()).build(), roots());
    expect(Status.Code.INVALID_ARGUMENT, "duration_seconds", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repos.toString()).setDurationSeconds(-1).build(), roots());
    expect(Status.Code.PERMISSION_DENIED, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(dir.toString()).build(), Map.of("REELMESH_REPO_ROOTS", dir.resolve("elsewhere").toString()));
  }

  @Test
  void withoutConfiguredRootsNothingIsReadAndTheVariableIsNamed() throws Exception {
    Path repo = repo();
    assertThatThrownBy(() -> draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(repo.toString()).build(),
        Map.of())).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).startsWith("repository_path").contains("REELMESH_REPO_ROOTS");
        });
  }

  @Test
  void dotDotAndSymbolicLinksCannotLeaveTheRoots() throws Exception {
    Path repo = repo();
    Path outside = Files.createDirectories(dir.resolve("secret"));
    Files.writeString(outside.resolve("Vault.java"), "class CrownJewelVault {}");
    expect(Status.Code.PERMISSION_DENIED, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repo + "/../../secret").build(), roots());
    expect(Status.Code.PERMISSION_DENIED, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath("/etc").build(), roots());
    Path link = Files.createSymbolicLink(dir.resolve("repos/link-out"), outside);
    assertThatThrownBy(() -> draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(link.toString()).build(),
        roots())).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
          assertThat(e.getStatus().getDescription()).startsWith("repository_path").contains("symbolic link");
        });
    // Links inside a repository that point out of it are not followed by the scan either.
    Files.createSymbolicLink(repo.resolve("src/linked-dir"), outside);
    Files.createSymbolicLink(repo.resolve("src/Linked.java"), outside.resolve("Vault.java"));
    DraftRepositoryBriefResponse r = draft(DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repo.toString()).setBudget(TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD).build(), roots());
    assertThat(r.toString()).doesNotContain("CrownJewel");
  }

  private void expect(Status.Code code, String field, DraftRepositoryBriefRequest request, Map<String, String> env) {
    assertThatThrownBy(() -> draft(request, env)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).startsWith(field);
    });
  }
}
