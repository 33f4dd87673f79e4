package dev.reelmesh.orchestrator.cli;

import static dev.reelmesh.orchestrator.cli.CliChecksTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.cli.CliChecksTest.Run;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands around a job, against one running mesh (reelmesh up), in the order a person uses
 * them: empty lists, estimate, brief, generate --review, approve, regenerate --out, budget.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliWorkflowTest {
  @TempDir static Path dir;
  static UpCommand up;
  static CompletableFuture<Integer> exit;
  static String server;
  static String reviewed;

  @BeforeAll
  static void startMesh() throws Exception {
    int base = UpCommandTest.freePortBase();
    server = "127.0.0.1:" + base;
    CommandLine cli = ReelmeshMain.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    up = cli.getSubcommands().get("up").getCommand();
    exit = CompletableFuture.supplyAsync(() -> cli.execute("up", "--port-base",
        String.valueOf(base), "--data", dir.resolve("data").toString(), "--models",
        dir.resolve("models").toString()));
    assertThat(up.serving.await(60, TimeUnit.SECONDS)).isTrue();
  }

  @AfterAll
  static void stopMesh() throws Exception {
    up.stop.countDown();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
  }

  @Test
  @Order(1)
  void emptyListsSaySo() {
    Run jobs = run("jobs", "--server", server);
    assertThat(jobs.code()).isZero();
    assertThat(jobs.out().strip()).isEqualTo("no jobs yet at " + server + " — start one with: "
        + "reelmesh generate \"a brief\" --server " + server);
    Run budget = run("budget", "--server", server);
    assertThat(budget.code()).as(budget.err()).isZero();
    assertThat(budget.out()).containsPattern("limit +\\$50\\.0000")
        .containsPattern("spent +\\$0\\.0000").contains("no jobs this month yet");
  }

  @Test
  @Order(2)
  void estimatePricesEveryStageAndSpendsNothing() {
    Run estimate = run("estimate", "a 6-second loop of steam over a cup", "--duration", "6",
        "--variations", "2", "--tier", "draft", "--plan", "--server", server);
    assertThat(estimate.code()).as(estimate.err()).isZero();
    assertThat(estimate.out()).contains("clip 1").contains("estimate for ")
        .contains("stage").contains("provider").contains("total")
        .contains("within budget");
    assertThat(estimate.out()).as("a line per stage and provider")
        .containsPattern("(?m)^  storyboard +animatic +animatic images \\(8 images\\) +\\$0\\.0000$")
        .containsPattern("(?m)^  clips +motion +motion video seconds \\(6\\.5 video seconds\\) +\\$0\\.0000$")
        .containsPattern("(?m)^  total +\\$0\\.0000$");
    assertThat(run("jobs", "--server", server).out()).startsWith("no jobs yet");
  }

  @Test
  @Order(3)
  void aRepositoryBriefFeedsEstimateThroughStdin() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo/src"));
    Files.writeString(repo.resolve("RateLimiter.java"), "/** Token bucket. */\n"
        + "class RateLimiter { boolean tryAcquire() { return true; } }\n");
    Files.writeString(dir.resolve("repo/README.md"), "# bucketeer\nA rate limiter for APIs.\n");
    Run brief = run("brief", "--repo", dir.resolve("repo").toString(), "--budget", "low",
        "--duration", "6", "--server", server);
    assertThat(brief.code()).as(brief.err()).isZero();
    assertThat(brief.err()).contains("files read").contains("beat 1:");
    assertThat(brief.out().strip()).isNotEmpty();
    SpecOptions.stdin = () -> new ByteArrayInputStream(brief.out().getBytes(StandardCharsets.UTF_8));
    try {
      Run estimate = run("estimate", "-", "--duration", "6", "--tier", "draft", "--plan",
          "--server", server);
      assertThat(estimate.code()).as(estimate.err()).isZero();
      assertThat(estimate.out()).contains("estimate for ");
    } finally {
      SpecOptions.stdin = () -> System.in;
    }
  }

  @Test
  @Order(4)
  void reviewStopsAtThePlanAndApproveGoesOn() {
    Path out = dir.resolve("approved");
    Run review = run("generate", "a 6-second teaser for a paper lantern", "--duration", "6",
        "--variations", "1", "--tier", "draft", "--no-narration", "--plain", "--review",
        "--server", server, "--out", out.toString());
    assertThat(review.code()).as(review.err()).isZero();
    reviewed = review.err().lines().filter(l -> l.startsWith("job ")).findFirst().orElseThrow()
        .split(" ")[1];
    assertThat(review.out()).contains("clip 1 ").contains("job " + reviewed
        + " waits for approval").contains("reelmesh approve " + reviewed + " --server " + server);
    assertThat(out).doesNotExist();
    assertThat(run("jobs", "--server", server).out()).contains(reviewed)
        .contains("AWAITING_APPROVAL");
    Run watch = run("watch", reviewed, "--server", server);
    assertThat(watch.code()).as("watch ends at the gate instead of hanging").isZero();
    assertThat(watch.out()).contains("plan ready").contains("job " + reviewed
        + " waits for approval: reelmesh approve " + reviewed + " --server " + server);

    Run approve = run("approve", reviewed, "--instruction", "make clip 1 a close-up", "--plain",
        "--server", server, "--out", out.toString());
    assertThat(approve.code()).as(approve.err()).isZero();
    assertThat(approve.err()).contains("approved with the change").contains("plan refined")
        .contains("[100%]");
    assertThat(out.resolve("final.mp4")).isRegularFile();
    assertThat(approve.out()).contains("written to " + out);

    Run again = run("approve", reviewed, "--server", server, "--out", out.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err().strip()).isEqualTo("reelmesh: job " + reviewed
        + " is not waiting for plan approval (state SUCCEEDED)");
    Run unknown = run("approve", "no-such-job", "--server", server);
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("`reelmesh jobs` lists the jobs at " + server);
  }

  @Test
  @Order(5)
  void regenerateWritesTheNewVideoToOut() throws Exception {
    Path out = dir.resolve("regenerated");
    Run tooFar = run("regenerate", reviewed, "--clip", "9", "--server", server);
    assertThat(tooFar.code()).isEqualTo(2);
    assertThat(tooFar.err()).containsPattern("--clip must be 1–\\d \\(the job has \\d clips?\\), "
        + "got 9");
    Run redo = run("regenerate", reviewed, "--clip", "1", "--server", server, "--out",
        out.toString());
    assertThat(redo.code()).as(redo.err()).isZero();
    assertThat(redo.err()).contains("regenerating clip 1");
    assertThat(out.resolve("final.mp4")).isRegularFile();
    assertThat(out.resolve("report.md")).isRegularFile();
    assertThat(Files.size(out.resolve("final.mp4"))).isPositive();
  }

  @Test
  @Order(6)
  void budgetListsTheMonthsJobsAndProviders() {
    Run budget = run("budget", "--server", server);
    assertThat(budget.code()).as(budget.err()).isZero();
    assertThat(budget.out()).containsPattern("month \\d{4}-\\d{2}").contains("by job (1 this month")
        .contains(reviewed).contains("succeeded").contains("by provider:");
  }

  @Test
  @Order(7)
  void theStudioCommandServesARemoteMesh() throws Exception {
    CommandLine cli = ReelmeshMain.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    StudioCommand studio = cli.getSubcommands().get("studio").getCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("studio",
        "--server", server, "--port", "0"));
    try {
      assertThat(studio.serving.await(30, TimeUnit.SECONDS)).as("%s", out).isTrue();
      java.util.regex.Matcher url = java.util.regex.Pattern.compile("at (http://\\S+/)")
          .matcher(out.toString());
      assertThat(url.find()).as(out.toString()).isTrue();
      java.net.http.HttpResponse<String> jobs = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.group(1) + "api/jobs"))
              .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(jobs.statusCode()).isEqualTo(200);
      assertThat(jobs.body()).contains(reviewed);
    } finally {
      studio.stop.countDown();
    }
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }
}
