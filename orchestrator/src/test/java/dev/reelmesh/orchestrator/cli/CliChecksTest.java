package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad flags are refused before any work (no mesh is started: the data folder stays absent),
 * with exit code 2 and the allowed values; an absent mesh is named with the next step (exit 3).
 */
class CliChecksTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = ReelmeshMain.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private void refused(String expected, String... args) {
    // Commands that can start a mesh in this process get a data folder that must stay absent.
    boolean starts = java.util.Set.of("generate", "estimate", "approve", "brief", "budget")
        .contains(args[0]);
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        starts ? java.util.stream.Stream.of("--data", dir.resolve("data").toString())
            : java.util.stream.Stream.empty()).toArray(String[]::new);
    Run run = run(all);
    assertThat(run.code()).as("exit code of %s: %s", String.join(" ", args), run.err())
        .isEqualTo(2);
    assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("reelmesh: " + expected);
    assertThat(run.err()).contains("--help");
    assertThat(dir.resolve("data")).as("nothing started").doesNotExist();
  }

  @Test
  void outOfRangeValuesAreRefusedWithTheAllowedRange() {
    refused("--variations must be 1–16, got 0", "generate", "a kettle", "--variations", "0");
    refused("--variations must be 1–16, got 17", "estimate", "a kettle", "--variations", "17");
    refused("--duration must be more than 0 and at most 600, got 0", "generate", "a kettle",
        "--duration", "0");
    refused("--duration must be more than 0 and at most 600, got 601", "estimate", "a kettle",
        "--duration", "601");
    refused("--clip-seconds must be in [2, 12], got 1", "generate", "a kettle",
        "--clip-seconds", "1");
    refused("--clip-seconds must be in [2, 12], got 13.5", "estimate", "a kettle",
        "--clip-seconds", "13.5");
    refused("--enhance must be 0–8, got 9", "generate", "a kettle", "--enhance", "9");
    refused("--budget must be more than 0, got -1", "generate", "a kettle", "--budget", "-1");
    refused("--tier must be draft, standard or high, got 'ultra'", "estimate", "a kettle",
        "--tier", "ultra");
    refused("BRIEF is empty: say what the video is about", "generate", "  ");
    refused("--budget must be ultra-low, low, medium, high or standard, got 'tiny'", "brief",
        "--repo", dir.toString(), "--budget", "tiny");
  }

  @Test
  void anOutputThatIsAFileIsFoundBeforeTheJob() throws Exception {
    Path file = Files.writeString(dir.resolve("taken.mp4"), "x");
    refused("--out " + file + " is a file; name a folder (it is created if missing)",
        "generate", "a kettle", "--out", file.toString());
    refused("--out " + file + " is a file; name a folder (it is created if missing)",
        "approve", "job-1", "--out", file.toString());
    refused("--out " + file + " is a file; name a folder (it is created if missing)",
        "regenerate", "job-1", "--clip", "1", "--out", file.toString());
  }

  @Test
  void missingFilesAndBadAddressesAreRefused() {
    Path absent = dir.resolve("absent.png");
    refused("--reference " + absent + ": no such file", "generate", "a kettle", "--reference",
        absent.toString());
    refused("--music " + absent + ": no such file", "estimate", "a kettle", "--music",
        absent.toString());
    refused("--repo " + absent + ": no such folder", "brief", "--repo", absent.toString());
    refused("--server must be HOST:PORT (e.g. 127.0.0.1:50051), got 'localhost'", "generate",
        "a kettle", "--server", "localhost");
    refused("--server must be HOST:PORT (e.g. 127.0.0.1:50051), got 'x:y'", "jobs", "--server",
        "x:y");
  }

  @Test
  void clipsCountFromOne() {
    refused("--clip counts clips from 1, got 0", "regenerate", "job-1", "--clip", "0");
    refused("--frames counts clips from 1, got -2", "regenerate", "job-1", "--frames", "-2");
    refused("name at least one --clip or --frames", "regenerate", "job-1");
    refused("--limit must be 1–500, got 0", "jobs", "--limit", "0");
  }

  @Test
  void noMeshAtTheAddressSaysHowToStartOne() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort(); // closed again: nothing listens there
    }
    String address = "127.0.0.1:" + port;
    Run jobs = run("jobs", "--server", address);
    assertThat(jobs.code()).isEqualTo(3);
    assertThat(jobs.err().strip()).isEqualTo("reelmesh: no mesh at " + address
        + " — start one with `reelmesh up`, or drop --server");
    Run generate = run("generate", "a kettle", "--server", address, "--out",
        dir.resolve("out").toString());
    assertThat(generate.code()).isEqualTo(3);
    assertThat(generate.err()).contains("no mesh at " + address + " — start one with "
        + "`reelmesh up`, or drop --server").doesNotContain("UNAVAILABLE");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void statusesReadAsWordsWithTheNextStep() {
    assertThat(OneLine.describe(io.grpc.Status.UNAVAILABLE.withDescription("io exception")
        .asRuntimeException(), "127.0.0.1:50051", false)).isEqualTo("no mesh at "
        + "127.0.0.1:50051 — start one with `reelmesh up`, or point --server at a running one");
    assertThat(OneLine.describe(io.grpc.Status.NOT_FOUND.withDescription("no job j-9")
        .asRuntimeException(), "127.0.0.1:1", true))
        .isEqualTo("no job j-9 — `reelmesh jobs` lists the jobs at 127.0.0.1:1");
    assertThat(OneLine.describe(io.grpc.Status.RESOURCE_EXHAUSTED.withDescription(
        "estimate $3 crosses the month's $1 left").asRuntimeException(), null, false))
        .startsWith("estimate $3 crosses the month's $1 left — `reelmesh budget` shows");
  }
}
