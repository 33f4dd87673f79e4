package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.media.MediaServices;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.ProbeRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reelmesh generate} as a user runs it: the whole mesh in this process, offline. */
class GenerateCommandTest {
  @TempDir Path dir;

  @Test
  void writesTheVideoStoryboardFramesPromptsScoresAndReport() throws Exception {
    Path out = dir.resolve("out");
    CommandLine cli = ReelmeshMain.commandLine();
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    int code = cli.execute("generate", "a 12-second teaser for a trail running shoe",
        "--duration", "12", "--variations", "2", "--tier", "draft", "--plain",
        "--out", out.toString(), "--data", dir.resolve("data").toString(),
        "--models", dir.resolve("models").toString());
    assertThat(code).as("stderr: %s", stderr).isZero();
    assertThat(stdout.toString()).contains("final.mp4");
    assertThat(stderr.toString()).contains("[100%]");
    for (String name : new String[] {"final.mp4", "storyboard.png", "prompts.json",
        "scores.json", "report.md", "thumbnail.jpg"}) {
      assertThat(out.resolve(name)).as(name).isRegularFile();
    }
    JsonNode scores = new ObjectMapper().readTree(out.resolve("scores.json").toFile());
    int frames = scores.get("frames").size();
    try (Stream<Path> files = Files.list(out.resolve("frames"))) {
      assertThat(files.count()).isEqualTo(frames * 2L);
    }
    JsonNode prompts = new ObjectMapper().readTree(out.resolve("prompts.json").toFile());
    assertThat(prompts.get("prompts").size()).isEqualTo(frames / 2);
    // scores.json carries the clip checks: offline stills have no clip file, which the job's
    // one entry (clip -1: all of them) says.
    JsonNode checks = scores.get("clipChecks");
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).get("clipIndex").asInt()).isEqualTo(-1);
    assertThat(checks.get(0).get("skipped").asText()).startsWith("no clip file: offline stills");
    assertThat(Files.readString(out.resolve("report.md"))).contains("## Engines")
        .contains("## Storyboard scores").contains("## Cost");
    // Probe the written file with the media service itself.
    MeshSettings settings = new MeshSettings(dir.resolve("probe"), dir.resolve("models"));
    Files.createDirectories(settings.artifactRoot());
    Files.copy(out.resolve("final.mp4"), settings.artifactRoot().resolve("final.mp4"));
    try (InProcessService media = InProcessService.start(MediaServices.create(settings))) {
      double seconds = MediaServiceGrpc.newBlockingStub(media.channel())
          .probe(ProbeRequest.newBuilder().setMedia(ArtifactRef.newBuilder()
              .setUri("final.mp4")).build()).getDurationSeconds();
      assertThat(seconds).isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.15));
    }
  }

  @Test
  void generatesAgainstARunningMeshOverLoopback() throws Exception {
    int base = UpCommandTest.freePortBase();
    CommandLine server = ReelmeshMain.commandLine();
    server.setOut(new PrintWriter(new StringWriter(), true));
    UpCommand up = server.getSubcommands().get("up").getCommand();
    java.util.concurrent.CompletableFuture<Integer> exit =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> server.execute("up",
            "--port-base", String.valueOf(base), "--data", dir.resolve("server").toString(),
            "--models", dir.resolve("models").toString()));
    try {
      assertThat(up.serving.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      Path out = dir.resolve("remote-out");
      CommandLine client = ReelmeshMain.commandLine();
      StringWriter stderr = new StringWriter();
      client.setOut(new PrintWriter(new StringWriter(), true));
      client.setErr(new PrintWriter(stderr, true));
      int code = client.execute("generate", "a short loop of rain on a window", "--duration", "6",
          "--variations", "1", "--tier", "draft", "--no-narration", "--plain",
          "--server", "127.0.0.1:" + base, "--out", out.toString());
      assertThat(code).as("stderr: %s", stderr).isZero();
      assertThat(out.resolve("final.mp4")).isRegularFile();
      assertThat(Files.size(out.resolve("final.mp4"))).isPositive();
      assertThat(out.resolve("captions.srt")).doesNotExist();
      String jobId = stderr.toString().lines().filter(l -> l.startsWith("job "))
          .findFirst().orElseThrow().split(" ")[1];

      StringWriter listed = new StringWriter();
      CommandLine jobs = ReelmeshMain.commandLine();
      jobs.setOut(new PrintWriter(listed, true));
      assertThat(jobs.execute("jobs", "--server", "127.0.0.1:" + base)).isZero();
      assertThat(listed.toString()).contains(jobId).contains("SUCCEEDED");

      StringWriter watched = new StringWriter();
      CommandLine watch = ReelmeshMain.commandLine();
      watch.setOut(new PrintWriter(watched, true));
      assertThat(watch.execute("watch", jobId, "--server", "127.0.0.1:" + base)).isZero();
      assertThat(watched.toString()).contains("[100%]").contains("job succeeded");

      StringWriter redone = new StringWriter();
      CommandLine regenerate = ReelmeshMain.commandLine();
      regenerate.setOut(new PrintWriter(redone, true));
      assertThat(regenerate.execute("regenerate", jobId, "--clip", "1", "--instruction",
          "make it an aerial shot", "--server", "127.0.0.1:" + base)).isZero();
      assertThat(redone.toString()).contains("camera").contains("'aerial'")
          .contains("job succeeded").doesNotContain("plan ready");

      StringWriter badErr = new StringWriter();
      CommandLine bad = ReelmeshMain.commandLine();
      bad.setErr(new PrintWriter(badErr, true));
      assertThat(bad.execute("regenerate", jobId, "--clip", "0", "--server",
          "127.0.0.1:" + base)).isEqualTo(2);
      assertThat(badErr.toString()).contains("--clip counts clips from 1, got 0");

      StringWriter cancelErr = new StringWriter();
      CommandLine cancel = ReelmeshMain.commandLine();
      cancel.setErr(new PrintWriter(cancelErr, true));
      assertThat(cancel.execute("cancel", jobId, "--server", "127.0.0.1:" + base)).isEqualTo(1);
      assertThat(cancelErr.toString().strip()).startsWith("reelmesh: job " + jobId
          + " already ended");
    } finally {
      up.stop.countDown();
      assertThat(exit.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void badInputPrintsOneClearLineAndExitsNonZero() {
    CommandLine cli = ReelmeshMain.commandLine();
    StringWriter stderr = new StringWriter();
    cli.setErr(new PrintWriter(stderr, true));
    int code = cli.execute("generate", "x", "--aspect", "4:3", "--data",
        dir.resolve("data").toString());
    assertThat(code).isEqualTo(2);
    assertThat(stderr.toString().lines().findFirst().orElseThrow()).isEqualTo(
        "reelmesh: --aspect must be 16:9, 9:16 or 1:1, got '4:3'");

    StringWriter err2 = new StringWriter();
    cli.setErr(new PrintWriter(err2, true));
    code = cli.execute("generate", "x", "--variations", "40", "--data",
        dir.resolve("data").toString(), "--models", dir.resolve("models").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err2.toString()).contains("--variations must be 1–16, got 40");
  }

  @Test
  void reviewThenApproveInProcessOnTheSameDataFolder() throws Exception {
    Path data = dir.resolve("data");
    Path out = dir.resolve("out");
    CliChecksTest.Run review = CliChecksTest.run("generate", "a 4-second loop of a paper boat",
        "--duration", "4", "--variations", "1", "--tier", "draft", "--no-narration", "--plain",
        "--review", "--data", data.toString(), "--models", dir.resolve("models").toString(),
        "--out", out.toString());
    assertThat(review.code()).as(review.err()).isZero();
    String jobId = review.err().lines().filter(l -> l.startsWith("job ")).findFirst()
        .orElseThrow().split(" ")[1];
    String next = review.out().lines().filter(l -> l.strip().startsWith("reelmesh approve"))
        .findFirst().orElseThrow().strip();
    assertThat(next).startsWith("reelmesh approve " + jobId + " --data " + data + " --models ")
        .contains("--out " + out);
    CliChecksTest.Run approve = CliChecksTest.run("approve", jobId, "--plain", "--data",
        data.toString(), "--models", dir.resolve("models").toString(), "--out", out.toString());
    assertThat(approve.code()).as(approve.err()).isZero();
    assertThat(out.resolve("final.mp4")).isRegularFile();
  }
}
