package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reelmesh chat} fed from standard input, on a mesh in this process. */
class ChatCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run chat(String input, String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "--data";
    args[1] = dir.resolve("data").toString();
    args[2] = "--models";
    args[3] = dir.resolve("models").toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    return run(input, args);
  }

  private static Run run(String input, String... extra) {
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      CommandLine cli = ReelmeshMain.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      String[] args = new String[extra.length + 1];
      args[0] = "chat";
      System.arraycopy(extra, 0, args, 1, extra.length);
      int code = cli.execute(args);
      return new Run(code, out.toString(), err.toString());
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void showsToolCallsAsksBeforeSpendingAndResumesTheSession() {
    Run first = chat("plan a 4-second video of a red kettle on a kitchen table\n\ngo\nn\n"
        + "status\n");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("-> plan {\"brief\":\"a 4-second video of a red kettle")
        .contains("<- plan ok {\"job_id\":").contains("agent> Job ")
        .contains("-> approve").contains("? render job ").contains("go ahead? [y/N]")
        .contains("<- approve CANCELLED: declined by the user")
        .contains("agent> I did not run approve")
        .contains("-> status").contains("\"state\":\"awaiting_approval\"");
    Matcher session = Pattern.compile("session ([0-9a-f-]{36})").matcher(first.err());
    assertThat(session.find()).as(first.err()).isTrue();

    // The same data folder, a new process's worth of mesh: the session is still there.
    Run again = chat("exit\n", "--session", session.group(1));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("you> plan a 4-second video of a red kettle")
        .contains("<- approve CANCELLED").contains("you> status");
  }

  @Test
  void talksToARunningMeshOverLoopback() throws Exception {
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
      Run run = run("how much is a 6-second video of a kettle at dawn?\n", "--server",
          "127.0.0.1:" + base);
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("-> estimate {\"brief\":\"a 6-second video of a kettle")
          .contains("<- estimate ok").contains("agent> That is an estimated $0.0000");
      assertThat(run.err()).contains("--server 127.0.0.1:" + base);
    } finally {
      up.stop.countDown();
      assertThat(exit.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void anUnknownSessionIsRefusedWithItsStatus() {
    Run run = chat("hello\n", "--session", "00000000-0000-0000-0000-000000000000");
    assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("NOT_FOUND: session_id: no chat session");
  }
}
