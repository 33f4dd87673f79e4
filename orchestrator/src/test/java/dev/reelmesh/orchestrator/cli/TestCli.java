package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** The {@code reelmesh} command for tests in other packages: a running {@code up}, and runs. */
public final class TestCli {
  private TestCli() {}

  public record Run(int code, String out, String err) {}

  /** Runs {@code reelmesh ARGS} in this JVM, capturing what it prints. */
  public static Run run(String... args) {
    CliChecksTest.Run run = CliChecksTest.run(args);
    return new Run(run.code(), run.out(), run.err());
  }

  /** {@code reelmesh up} on free loopback ports, data under {@code dir}, serving until closed. */
  public static Up up(Path dir) throws Exception {
    int base = UpCommandTest.freePortBase();
    CommandLine cli = ReelmeshMain.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    UpCommand up = cli.getSubcommands().get("up").getCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("up",
        "--port-base", String.valueOf(base), "--data", dir.resolve("data").toString(),
        "--models", dir.resolve("models").toString()));
    assertThat(up.serving.await(60, TimeUnit.SECONDS)).isTrue();
    return new Up(up, exit, base, dir.resolve("data"));
  }

  /** A running mesh: its pipeline address, studio URL and data directory. */
  public static final class Up implements AutoCloseable {
    private final UpCommand up;
    private final CompletableFuture<Integer> exit;
    private final int base;
    private final Path data;

    Up(UpCommand up, CompletableFuture<Integer> exit, int base, Path data) {
      this.up = up;
      this.exit = exit;
      this.base = base;
      this.data = data;
    }

    public String server() {
      return "127.0.0.1:" + base;
    }

    public String studio() {
      return "http://127.0.0.1:" + (base + 5) + "/";
    }

    public Path data() {
      return data;
    }

    @Override
    public void close() throws Exception {
      up.stop.countDown();
      assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    }
  }
}
