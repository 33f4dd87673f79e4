package dev.reelmesh.orchestrator.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM (a cluster start costs seconds), and a fresh, empty
 * database in it for every caller: tests never share state and never touch a real database.
 */
public final class TestDatabase {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestDatabase() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the tests' embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** The JDBC URL (user and password included) of a new empty database. */
  public static String fresh() {
    String name = "t" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return server().getJdbcUrl("postgres", name) + "&password=postgres";
  }

  /** The port of the shared server, for child processes pointed at {@link #fresh()} URLs. */
  public static int port() {
    return server().getPort();
  }
}
