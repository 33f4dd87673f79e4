package dev.reelmesh.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's binaries are extracted once and reused; a copy with a file deleted or
 * damaged is extracted again, saying so in the log, and the server starts from it.
 */
class EmbeddedServerTest {
  @TempDir Path binaries;
  @TempDir Path state;

  @Test
  void theBinariesAreReusedAndExtractedAgainWhenDeletedOrDamaged() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(PgBinaries.class);
    logs.start();
    logger.addAppender(logs);
    try {
      PgBinaries.Prepared first = PgBinaries.prepare(binaries);
      assertThat(first.extracted()).isEqualTo("not extracted yet");
      assertThat(first.dir().resolve("bin/postgres")).isExecutable();

      PgBinaries.Prepared reused = PgBinaries.prepare(binaries);
      assertThat(reused.extracted()).isNull();
      assertThat(reused.dir()).isEqualTo(first.dir());

      Files.delete(first.dir().resolve("bin/postgres"));
      assertThat(PgBinaries.prepare(binaries).extracted()).contains("bin/postgres is missing");
      assertThat(first.dir().resolve("bin/postgres")).isExecutable();

      Path library = largestLibrary(first.dir());
      Files.write(library, new byte[10]); // truncated, as a failed disk or copy leaves it
      assertThat(PgBinaries.prepare(binaries).extracted())
          .contains(first.dir().relativize(library) + " has 10 bytes");
      assertThat(PgBinaries.damage(first.dir())).isNull();
      assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
          .filteredOn(m -> m.startsWith("extracting the embedded PostgreSQL's binaries to "
              + first.dir()))
          .hasSize(3).anyMatch(m -> m.contains("bin/postgres is missing"));
      assertThat(Files.list(binaries)).as("no partial copies left").hasSize(1);
    } finally {
      logger.detachAppender(logs);
    }

    // The server runs from the re-extracted copy: initdb once, then a restart keeps the data.
    Path cluster = state.resolve("postgres");
    try (EmbeddedServer server = EmbeddedServer.start(cluster, binaries)) {
      query(server, "create table kept (x int); insert into kept values (42)");
    }
    try (EmbeddedServer again = EmbeddedServer.start(cluster, binaries)) {
      assertThat(query(again, "select x from kept")).isEqualTo("42");
      assertThat(query(again, "show server_version")).startsWith("14.");
    }
    assertThat(cluster.resolve("postmaster.pid")).as("stopped").doesNotExist();
  }

  private static Path largestLibrary(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("lib"))) {
      return files.filter(Files::isRegularFile).max(java.util.Comparator.comparingLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      })).orElseThrow();
    }
  }

  /** Runs {@code sql}; the first column of the last statement's first row, if it has one. */
  private static String query(EmbeddedServer server, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl());
        var s = c.createStatement()) {
      String first = null;
      boolean rows = s.execute(sql);
      while (true) {
        if (rows) {
          try (ResultSet rs = s.getResultSet()) {
            first = rs.next() ? rs.getString(1) : null;
          }
        } else if (s.getUpdateCount() == -1) {
          return first;
        }
        rows = s.getMoreResults();
      }
    }
  }

  @Test
  void theBinariesLiveInTheUsersOwnCacheNotASharedTemporaryDirectory() {
    assertThat(PgBinaries.defaultRoot("/srv/cache", "/home/ari"))
        .isEqualTo(Path.of("/srv/cache/reelmesh/postgres"));
    assertThat(PgBinaries.defaultRoot(null, "/home/ari"))
        .isEqualTo(Path.of("/home/ari/.cache/reelmesh/postgres"));
    // A relative XDG_CACHE_HOME is invalid by the XDG rules, so it is ignored.
    assertThat(PgBinaries.defaultRoot("cache", "/home/ari"))
        .isEqualTo(Path.of("/home/ari/.cache/reelmesh/postgres"));
  }
}
