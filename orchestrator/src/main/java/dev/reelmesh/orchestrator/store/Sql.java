package dev.reelmesh.orchestrator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** JDBC in small pieces: one statement, or one transaction; SQL failures as StoreFailure. */
final class Sql {
  private final DataSource pool;

  Sql(DataSource pool) {
    this.pool = pool;
  }

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code work} with autocommit (a single statement needs no transaction). */
  <T> T auto(String what, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreFailure(what, e);
    }
  }

  /**
   * Runs {@code work} in one transaction, committed durably (synchronous_commit on) because it
   * moves money; rolled back on any failure.
   */
  <T> T money(String what, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement durable = c.prepareStatement(
            "set local synchronous_commit = on")) {
          durable.execute();
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreFailure(what, e);
    }
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    }
  }

  static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(row.read(rs));
      }
      return rows;
    }
  }

  static long sum(Connection c, String sql, Object... args) throws SQLException {
    return query(c, sql, rs -> rs.getLong(1), args).get(0);
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
    return s;
  }
}
