package dev.reelmesh.llm.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.LlmConfig;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.llm.testing.FakeOpenAiServer;
import dev.reelmesh.v1.ConceptMetaphor;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.DraftRepositoryBriefRequest;
import dev.reelmesh.v1.DraftRepositoryBriefResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.OutlineBeat;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
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

  private Map<String, String> roots() {
    return Map.of("REELMESH_REPO_ROOTS", dir.resolve("repos").toString());
  }

  private Path repo() throws Exception {
    return TestRepositories.ideRecorder(Files.createDirectories(dir.resolve("repos")));
  }

  private DraftRepositoryBriefResponse draft(DraftRepositoryBriefRequest request, Map<String, String> env) throws Exception {
    try (InProcessService s = InProcessService.start(LlmServices.create(new MeshSettings(dir, dir), LlmConfig.fromEnv(env)))) {
      return LlmServiceGrpc.newBlockingStub(s.channel()).draftRepositoryBrief(request);
    }
  }

  private DraftRepositoryBriefResponse draft(Path repo, TokenBudgetLevel level) throws Exception {
    return draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(repo.toString()).setBudget(level).build(), roots());
  }

  private static ConceptMetaphor metaphor(DraftRepositoryBriefResponse r, String concept) {
    return r.getMetaphorsList().stream().filter(m -> m.getConcept().equals(concept)).findFirst().orElseThrow(
        () -> new AssertionError(concept + " not among " + r.getConceptsList()));
  }

  @Test
  void conceptsComeFromMainCodeInEveryLanguageNeverFromTestsVendoredOrGeneratedFiles() throws Exception {
    DraftRepositoryBriefResponse r = draft(repo(), TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD);
    assertThat(r.getConceptsList()).contains("ScreenRecorder", "TimelineManager", "RecordingFailedException",
        "UploadError", "ModuleNotFoundError", "ErrSessionNotFound", "PlaybackController", "SessionStore")
        .doesNotContain("ScreenRecorderTest", "MockTimeline", "MockFailureException", "FakeUploader",
            "VendoredThing", "VendorError", "NodeThing", "GeneratedStub");
    assertThat(r.getConcepts(0)).isIn("TimelineManager", "EventTracker"); // the most used main types lead
    assertThat(r.getFilesByKindMap()).containsEntry("test", 2).containsEntry("vendored", 1)
        .containsEntry("generated", 1).containsEntry("doc", 2).containsEntry("main", 7);
    assertThat(r.getTitle()).isEqualTo("IDE Recorder");
  }

  @Test
  void errorsCarryTheirMeaningAndConceptsTheirGags() throws Exception {
    DraftRepositoryBriefResponse r = draft(repo(), TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD);
    assertThat(metaphor(r, "RecordingFailedException").getMeaning()).isEqualTo("Thrown when the screen cannot be captured.");
    assertThat(metaphor(r, "UploadError").getMeaning()).isEqualTo("Raised when a recording cannot reach the server.");
    assertThat(metaphor(r, "ModuleNotFoundError").getMeaning()).isEqualTo("boto3 is not installed");
    assertThat(metaphor(r, "ErrSessionNotFound").getMeaning()).isEqualTo("session not found");
    assertThat(metaphor(r, "ModuleNotFoundError").getGag()).contains("milk carton");
    assertThat(metaphor(r, "ScreenRecorder").getGag()).contains("film strip");
    assertThat(metaphor(r, "ScreenRecorder").getSource()).isEqualTo("built-in");
    assertThat(metaphor(r, "PlaybackController").getSource()).isEqualTo("default");
    assertThat(metaphor(r, "ModuleNotFoundError").getKind()).isEqualTo("error");
  }

  @Test
  void theMetaphorTableIsEditableByTheRepositoryAndTheRequest() throws Exception {
    Path repo = repo();
    TestRepositories.write(repo, ".reelmesh/metaphors.tsv", "# ours\ntimeline\ta conveyor of shuffled polaroids\t5\n");
    DraftRepositoryBriefResponse r = draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(repo.toString())
        .setBudget(TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD)
        .setMetaphorTable("screen|playback\tan old projector flickering on the wall").build(), roots());
    assertThat(metaphor(r, "TimelineManager").getGag()).isEqualTo("a conveyor of shuffled polaroids");
    assertThat(metaphor(r, "TimelineManager").getSource()).isEqualTo("repository file");
    assertThat(metaphor(r, "TimelineManager").getSeconds()).isEqualTo(5);
    assertThat(metaphor(r, "ScreenRecorder").getGag()).isEqualTo("an old projector flickering on the wall");
    assertThat(metaphor(r, "PlaybackController").getSource()).isEqualTo("request");
    expect(Status.Code.INVALID_ARGUMENT, "metaphor_table", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repo.toString()).setMetaphorTable("no tab here").build(), roots(), "line 1");
    expect(Status.Code.INVALID_ARGUMENT, "metaphor_table", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repo.toString()).setMetaphorTable("x\ty\tforever").build(), roots(), "SECONDS");
  }

  @Test
  void theStoryIsTimedNinetySecondsByDefaultScalesAndIsEditable() throws Exception {
    Path repo = repo();
    DraftRepositoryBriefResponse r = draft(repo, TokenBudgetLevel.TOKEN_BUDGET_LEVEL_MEDIUM);
    assertThat(r.getOutlineList()).extracting(OutlineBeat::getName).containsExactly("title and myth", "setup",
        "attempt and error cascade", "centrepiece", "resolution");
    assertThat(r.getOutlineList()).extracting(OutlineBeat::getEndSeconds).containsExactly(15.0, 40.0, 60.0, 80.0, 90.0);
    assertThat(r.getOutline(0).getDirection()).contains("IDE Recorder");
    assertThat(r.getOutline(2).getDirection()).containsAnyOf("RecordingFailedException", "UploadError", "ModuleNotFoundError");
    assertThat(r.getStorySource()).isEqualTo("built-in story-90s.tsv");
    DraftRepositoryBriefResponse half = draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(repo.toString())
        .setDurationSeconds(45).build(), roots());
    assertThat(half.getOutlineList()).extracting(OutlineBeat::getEndSeconds).containsExactly(7.5, 20.0, 30.0, 40.0, 45.0);
    DraftRepositoryBriefResponse own = draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(repo.toString())
        .setDurationSeconds(30).setStoryTable("0\t10\thook\t{project} in one image\n10\t20\tpayoff\t{centrepiece}\n")
        .build(), roots());
    assertThat(own.getOutlineList()).extracting(OutlineBeat::getName).containsExactly("hook", "payoff");
    assertThat(own.getOutlineList()).extracting(OutlineBeat::getEndSeconds).containsExactly(15.0, 30.0);
    assertThat(own.getOutline(0).getDirection()).isEqualTo("IDE Recorder in one image");
    expect(Status.Code.INVALID_ARGUMENT, "story_table", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repo.toString()).setStoryTable("0\t10\ta\tx\n12\t20\tb\ty\n").build(), roots(), "line 2");
  }

  @Test
  void budgetLevelsReallyCompressAndEachStaysWithinItsCap() throws Exception {
    Path repo = repo();
    for (int i = 0; i < 40; i++) {
      TestRepositories.write(repo, "src/main/java/ide/Widget" + i + ".java", "class WidgetFactoryNumber" + i
          + "Builder { void x() { throw new WidgetNumber" + i + "Exception(\"widget " + i + " could not be built\"); } }");
    }
    int previous = 0;
    int before = -1;
    for (TokenBudgetLevel level : new TokenBudgetLevel[] {TokenBudgetLevel.TOKEN_BUDGET_LEVEL_ULTRA_LOW,
        TokenBudgetLevel.TOKEN_BUDGET_LEVEL_LOW, TokenBudgetLevel.TOKEN_BUDGET_LEVEL_MEDIUM,
        TokenBudgetLevel.TOKEN_BUDGET_LEVEL_HIGH, TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD}) {
      DraftRepositoryBriefResponse r = draft(repo, level);
      int measured = tokens(r.getBrief())
          + r.getOutlineList().stream().mapToInt(b -> tokens(b.getDirection())).sum();
      assertThat(r.getTokensAfter()).as(level.name()).isEqualTo(measured).isLessThanOrEqualTo(r.getTokenCap())
          .isGreaterThan(previous);
      assertThat(r.getBrief().length()).isLessThanOrEqualTo(4_000);
      before = before < 0 ? r.getTokensBefore() : before;
      assertThat(r.getTokensBefore()).isEqualTo(before).isGreaterThan(r.getTokensAfter());
      previous = r.getTokensAfter();
    }
    assertThat(draft(repo, TokenBudgetLevel.TOKEN_BUDGET_LEVEL_ULTRA_LOW).getTokenCap()).isEqualTo(250);
    assertThat(draft(repo, TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD).getTokenCap()).isEqualTo(2_500);
  }

  @Test
  void theSubjectIsTheProjectAndPlanScriptTakesTheBrief() throws Exception {
    DraftRepositoryBriefResponse r = draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(repo().toString())
        .setAudience("engineering managers").build(), roots());
    assertThat(r.getSubject()).isEqualTo("IDE Recorder");
    assertThat(r.getBrief()).startsWith("IDE Recorder: a 90-second silent-film comedy video about the software project"
        + " IDE Recorder").contains("For engineering managers.").doesNotContain("explainer video for developers");
    assertThat(r.getProductDescription()).startsWith("IDE Recorder: Records every keystroke");
    try (InProcessService s = InProcessService.start(LlmServices.create(new MeshSettings(dir, dir), LlmConfig.fromEnv(roots())))) {
      ScenePlan plan = LlmServiceGrpc.newBlockingStub(s.channel()).planScript(PlanScriptRequest.newBuilder()
          .setBrief(r.getBrief()).setProductDescription(r.getProductDescription()).setDurationSeconds(90).build()).getPlan();
      assertThat(plan.getClipsList()).extracting(PlannedClip::getEndSeconds).last().isEqualTo(90.0);
    }
  }

  @Test
  void thisRepositoryIsAboutReelmeshFromItsMainCode() throws Exception {
    Path root = Path.of("..").toRealPath();
    DraftRepositoryBriefResponse r = draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(root.toString())
        .setBudget(TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD).build(), Map.of("REELMESH_REPO_ROOTS", root.toString()));
    assertThat(r.getTitle()).isEqualTo("reelmesh");
    assertThat(r.getBrief()).startsWith("reelmesh: a 90-second");
    assertThat(r.getFilesByKindMap().get("test")).isGreaterThan(20);
    assertThat(r.getConceptsList()).noneMatch(c -> c.endsWith("Test") || c.startsWith("Fake") || c.equals("InProcessService")
        || c.endsWith("Grpc") || c.equals("TestMedia") || c.equals("MeshTest"));
    assertThat(r.getMetaphorsList()).filteredOn(m -> m.getKind().equals("type")).isNotEmpty()
        .allMatch(m -> m.getMeaning().contains("/src/main/java/"));
    assertThat(r.getMetaphorsList()).anyMatch(m -> m.getKind().equals("error"));
  }

  @Test
  void withAnLlmOneCallProposesGagsForConceptsNoTableMatches() throws Exception {
    Path repo = repo();
    try (FakeOpenAiServer fake = FakeOpenAiServer.start()) {
      fake.thenChat("{\"metaphors\":[{\"concept\":\"PlaybackController\",\"gag\":\"a conductor waving a whisk"
          + " at a row of pots\"},{\"concept\":\"ScreenRecorder\",\"gag\":\"ignored: the table already has one\"}]}",
          400, 80);
      Map<String, String> env = Map.of("REELMESH_REPO_ROOTS", dir.resolve("repos").toString(), "OPENAI_API_KEY", "sk-test",
          "OPENAI_BASE_URL", fake.baseUrl());
      DraftRepositoryBriefResponse r = draft(DraftRepositoryBriefRequest.newBuilder().setRepositoryPath(repo.toString())
          .setBudget(TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD).build(), env);
      assertThat(fake.requestCount()).isEqualTo(1);
      assertThat(fake.requests().get(0)).contains("PlaybackController").doesNotContain("\"ScreenRecorder\"");
      assertThat(metaphor(r, "PlaybackController").getGag()).isEqualTo("a conductor waving a whisk at a row of pots");
      assertThat(metaphor(r, "PlaybackController").getSource()).isEqualTo("llm");
      assertThat(metaphor(r, "ScreenRecorder").getSource()).isEqualTo("built-in");
      assertThat(r.getEngine().getEngine()).isEqualTo("openai");
      assertThat(r.getCostList()).extracting(CostLine::getStage).containsOnly("brief");
      fake.thenStatus(400);
      DraftRepositoryBriefResponse failed = draft(DraftRepositoryBriefRequest.newBuilder()
          .setRepositoryPath(repo.toString()).build(), env);
      assertThat(failed.getEngine().getFallback()).isTrue();
      assertThat(failed.getEngine().getFallbackReason()).contains("HTTP 400");
      assertThat(metaphor(failed, "ScreenRecorder").getSource()).isEqualTo("built-in");
    }
  }

  @Test
  void badPathsGetPreciseStatuses() throws Exception {
    Path repos = Files.createDirectories(dir.resolve("repos"));
    Path file = Files.writeString(repos.resolve("file.txt"), "x");
    expect(Status.Code.INVALID_ARGUMENT, "repository_path", DraftRepositoryBriefRequest.newBuilder().build(), roots(), "");
    expect(Status.Code.NOT_FOUND, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repos.resolve("missing").toString()).build(), roots(), "");
    expect(Status.Code.INVALID_ARGUMENT, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(file.toString()).build(), roots(), "");
    expect(Status.Code.INVALID_ARGUMENT, "duration_seconds", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repos.toString()).setDurationSeconds(-1).build(), roots(), "");
    expect(Status.Code.INVALID_ARGUMENT, "budget", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repos.toString()).setBudgetValue(42).build(), roots(), "42");
    expect(Status.Code.PERMISSION_DENIED, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(dir.toString()).build(), Map.of("REELMESH_REPO_ROOTS", dir.resolve("elsewhere").toString()), "");
  }

  @Test
  void withoutConfiguredRootsNothingIsReadAndTheVariableIsNamed() throws Exception {
    Path repo = repo();
    expect(Status.Code.FAILED_PRECONDITION, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repo.toString()).build(), Map.of(), "REELMESH_REPO_ROOTS");
  }

  @Test
  void dotDotAndSymbolicLinksCannotLeaveTheRoots() throws Exception {
    Path repo = repo();
    Path outside = Files.createDirectories(dir.resolve("secret"));
    Files.writeString(outside.resolve("Vault.java"), "class CrownJewelVault {}");
    expect(Status.Code.PERMISSION_DENIED, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(repo + "/../../secret").build(), roots(), "REELMESH_REPO_ROOTS");
    expect(Status.Code.PERMISSION_DENIED, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath("/etc").build(), roots(), "");
    Path link = Files.createSymbolicLink(dir.resolve("repos/link-out"), outside);
    expect(Status.Code.PERMISSION_DENIED, "repository_path", DraftRepositoryBriefRequest.newBuilder()
        .setRepositoryPath(link.toString()).build(), roots(), "symbolic link");
    // Links inside a repository that point out of it are not followed by the scan either.
    Files.createSymbolicLink(repo.resolve("src/linked-dir"), outside);
    Files.createSymbolicLink(repo.resolve("src/Linked.java"), outside.resolve("Vault.java"));
    Files.createDirectories(repo.resolve(".reelmesh"));
    Files.createSymbolicLink(repo.resolve(".reelmesh/metaphors.tsv"), outside.resolve("Vault.java"));
    DraftRepositoryBriefResponse r = draft(repo, TokenBudgetLevel.TOKEN_BUDGET_LEVEL_STANDARD);
    assertThat(r.toString()).doesNotContain("CrownJewel");
  }

  private void expect(Status.Code code, String field, DraftRepositoryBriefRequest request, Map<String, String> env,
      String mentions) {
    assertThatThrownBy(() -> draft(request, env)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).startsWith(field).contains(mentions);
    });
  }

  /** The estimate's rule, counted here independently: a quarter of the ASCII, rounded up, and
   * a token per other code point. */
  private static int tokens(String text) {
    long ascii = text.codePoints().filter(c -> c < 0x80).count();
    return (int) ((ascii + 3) / 4 + text.codePoints().filter(c -> c >= 0x80).count());
  }
}
