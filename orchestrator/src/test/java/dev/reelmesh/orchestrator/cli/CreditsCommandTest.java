package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.auth.AuthConfig;
import dev.reelmesh.common.auth.BearerToken;
import dev.reelmesh.common.testing.TestTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reelmesh credits} against a mesh that checks tokens: admins grant, others are refused. */
class CreditsCommandTest {
  @TempDir static Path dir;
  static UpCommand up;
  static CompletableFuture<Integer> exit;
  static String server;
  static TestTokens tokens;

  @BeforeAll
  static void startMesh() throws Exception {
    tokens = new TestTokens(dir.resolve("keys"));
    int base = UpCommandTest.freePortBase();
    server = "127.0.0.1:" + base;
    CommandLine cli = ReelmeshMain.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    up = cli.getSubcommands().get("up").getCommand();
    up.env = Map.of(AuthConfig.SECRET, TestTokens.SECRET);
    exit = CompletableFuture.supplyAsync(() -> cli.execute("up", "--port-base",
        String.valueOf(base), "--no-studio", "--data", dir.resolve("data").toString(),
        "--models", dir.resolve("models").toString()));
    assertThat(up.serving.await(90, TimeUnit.SECONDS)).isTrue();
  }

  @AfterAll
  static void stopMesh() throws Exception {
    up.stop.countDown();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
  }

  /** Runs {@code reelmesh credits ARGS --server …} with {@code token} in $REELMESH_TOKEN. */
  static CliChecksTest.Run credits(String token, String... args) {
    CommandLine cli = ReelmeshMain.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    CreditsCommand credits = cli.getSubcommands().get("credits").getCommand();
    credits.env = token == null ? Map.of() : Map.of(BearerToken.ENV, token);
    String[] all = new String[args.length + 3];
    all[0] = "credits";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--server";
    all[args.length + 2] = server;
    return new CliChecksTest.Run(cli.execute(all), out.toString(), err.toString());
  }

  @Test
  void anAdminGrantsShowsAndListsTheHistory() {
    String admin = tokens.token("ops", "admin");
    CliChecksTest.Run none = credits(admin, "bob");
    assertThat(none.code()).isZero();
    assertThat(none.out()).startsWith("tenant bob has no credit account");

    CliChecksTest.Run grant = credits(admin, "grant", "bob", "$2.50", "--note", "welcome");
    assertThat(grant.code()).as(grant.err()).isZero();
    assertThat(grant.out()).startsWith("granted $2.5000 to bob").contains("available")
        .contains("$2.5000");
    assertThat(credits(admin, "grant", "bob", "0.000001").code()).isZero();

    CliChecksTest.Run show = credits(admin, "bob");
    assertThat(show.out()).containsPattern("granted +\\$2\\.5000")
        .containsPattern("available +\\$2\\.5000");

    CliChecksTest.Run history = credits(admin, "history", "bob");
    assertThat(history.code()).isZero();
    assertThat(history.out()).contains("grant").contains("welcome (by ops-user)")
        .contains("$0.0000");
  }

  @Test
  void aSubmitterIsRefusedAndExitsOne() {
    CliChecksTest.Run refused = credits(tokens.token("alice", "submit"), "grant", "alice", "100");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).startsWith("reelmesh: not allowed: authorization: ")
        .contains("[admin]");
    CliChecksTest.Run anonymous = credits(null, "alice");
    assertThat(anonymous.code()).isEqualTo(1);
    assertThat(anonymous.err()).contains("no bearer token");
  }

  @Test
  void badArgumentsAreUsageErrorsAndNoMeshIsExitThree() throws Exception {
    String admin = tokens.token("ops", "admin");
    for (String[] args : new String[][] {{"grant", "bob", "-3"}, {"grant", "bob", "lots"},
        {"grant", "bob", "0.0000001"}, {"grant", "Bob!", "5"}, {"history", "bob", "--limit", "0"}}) {
      CliChecksTest.Run run = credits(admin, args);
      assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
    }
    assertThat(credits(admin, "grant", "bob", "lots").err())
        .contains("AMOUNT must be US dollars such as 25 or 2.50, got 'lots'");
    assertThat(credits(admin, "grant", "Bob!", "5").err()).contains("TENANT must be 1-64");

    CommandLine cli = ReelmeshMain.commandLine();
    cli.setErr(new PrintWriter(new StringWriter(), true));
    int closed = UpCommandTest.freePortBase();
    assertThat(cli.execute("credits", "bob", "--server", "127.0.0.1:" + closed)).isEqualTo(3);
  }
}
