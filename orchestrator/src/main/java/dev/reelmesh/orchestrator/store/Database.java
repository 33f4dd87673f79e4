package dev.reelmesh.orchestrator.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The orchestrator's database: a shared PostgreSQL named by a URL (REELMESH_DATABASE_URL or
 * --database), or, with none, an embedded PostgreSQL whose cluster lives under the data
 * directory and is stopped with this object. The schema is migrated on open (Flyway), when it
 * is not at this build's migrations already.
 */
public final class Database implements AutoCloseable {
  /** The variable that points every orchestrator at one shared PostgreSQL. */
  public static final String URL_VARIABLE = "REELMESH_DATABASE_URL";
  private final HikariDataSource pool;
  private final EmbeddedServer embedded;
  private final String where;
  private final SchemaCheck.Outcome schema;

  private Database(HikariDataSource pool, EmbeddedServer embedded, String where,
      SchemaCheck.Outcome schema) {
    this.pool = pool;
    this.embedded = embedded;
    this.where = where;
    this.schema = schema;
  }

  /** {@code url} when given (shared), else the embedded server under {@code stateDir}. */
  public static Database open(String url, Path stateDir) {
    if (url != null && !url.isBlank()) {
      return shared(url.strip());
    }
    EmbeddedServer server = EmbeddedServer.start(stateDir.resolve("postgres"));
    try {
      return migrate(pool(server.jdbcUrl(), "postgres", null), server,
          "embedded PostgreSQL in " + stateDir.resolve("postgres"));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * A shared server: {@code jdbc:postgresql://host:port/db?user=..&password=..} or
   * {@code postgresql://user:password@host:port/db}.
   */
  public static Database shared(String url) {
    String jdbc = url;
    String user = null;
    String password = null;
    if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      URI uri = URI.create(url);
      if (uri.getUserInfo() != null) {
        String[] parts = uri.getUserInfo().split(":", 2);
        user = parts[0];
        password = parts.length > 1 ? parts[1] : null;
      }
      jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort()
          : "") + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } else if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(URL_VARIABLE + " / --database must be a PostgreSQL URL"
          + " (postgresql://user:password@host:port/db or jdbc:postgresql://...), got '"
          + url.replaceAll(":[^:@/]*@", ":***@") + "'");
    }
    return migrate(pool(jdbc, user, password), null, jdbc.replaceAll("password=[^&]*",
        "password=***"));
  }

  private static HikariDataSource pool(String jdbc, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbc);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(16);
    config.setPoolName("reelmesh-store");
    // Progress (events, snapshots) commits without waiting for the disk; money moves turn
    // synchronous commit back on per transaction (Sql.money), and their flush carries the
    // events before them. A crash may lose the last events, never a charge.
    config.setConnectionInitSql("set synchronous_commit = off");
    return new HikariDataSource(config);
  }

  /**
   * Brings the schema to this build's migrations: Flyway runs only when some are missing (see
   * {@link SchemaCheck}); a schema newer than this build's is refused.
   */
  private static Database migrate(HikariDataSource pool, EmbeddedServer server, String where) {
    SchemaCheck.Outcome schema;
    try {
      try (Connection c = pool.getConnection()) {
        schema = SchemaCheck.check(c, SchemaCheck.packaged());
      }
      if (schema == SchemaCheck.Outcome.MIGRATE) {
        Flyway.configure().dataSource(pool).locations("classpath:" + SchemaCheck.LOCATION)
            .load().migrate();
      }
    } catch (SQLException e) {
      pool.close();
      throw new StoreFailure("read the schema's version in " + where, e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool, server, where, schema);
  }

  /** Whether opening ran Flyway ({@code MIGRATE}) or found the schema current. */
  SchemaCheck.Outcome schema() {
    return schema;
  }

  public DataSource dataSource() {
    return pool;
  }

  public JobStore store() {
    return new PgStore(pool);
  }

  /** Where the data is, for a log line (never with a password). */
  public String where() {
    return where;
  }

  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
