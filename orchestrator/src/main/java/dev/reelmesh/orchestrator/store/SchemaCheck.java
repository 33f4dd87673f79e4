package dev.reelmesh.orchestrator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Whether opening the database needs Flyway. Flyway's start (its classes, scanning and
 * validating every applied migration) takes a few tenths of a second on every start, so a
 * schema whose applied migrations are exactly this build's is opened without it. One missing
 * some (a new database, an older schema) is migrated by Flyway as before; one with a migration
 * newer than any this build has is refused, as this build does not know that schema.
 */
final class SchemaCheck {
  /** Where the migrations are on the class path (Flyway's location, without "classpath:"). */
  static final String LOCATION = "db/store";
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

  /** {@code CURRENT}: nothing to apply, Flyway not run; {@code MIGRATE}: Flyway must run. */
  enum Outcome { CURRENT, MIGRATE }

  private record Applied(String version, boolean success) {}

  private SchemaCheck() {}

  /** The versions of the migrations this build carries, in order. */
  static TreeSet<MigrationVersion> packaged() {
    URL url = SchemaCheck.class.getClassLoader().getResource(LOCATION);
    if (url == null) {
      throw new IllegalStateException("the store's migrations (" + LOCATION + ") are not on "
          + "the class path");
    }
    TreeSet<MigrationVersion> versions = new TreeSet<>();
    try (Stream<String> names = names(url)) {
      names.forEach(name -> {
        Matcher versioned = VERSIONED.matcher(name);
        if (versioned.matches()) {
          versions.add(MigrationVersion.fromVersion(versioned.group(1).replace('_', '.')));
        }
      });
    }
    if (versions.isEmpty()) {
      throw new IllegalStateException("no migrations found at " + url);
    }
    return versions;
  }

  /** The file names directly under the migrations' directory, in a jar or on disk. */
  private static Stream<String> names(URL url) {
    try {
      if (url.getProtocol().equals("jar")) {
        String prefix = LOCATION + "/";
        JarURLConnection jar = (JarURLConnection) url.openConnection();
        return jar.getJarFile().stream().map(java.util.zip.ZipEntry::getName)
            .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
            .map(n -> n.substring(prefix.length()));
      }
      return Files.list(Path.of(url.toURI())).map(p -> p.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the store's migrations at " + url, e);
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("cannot list the store's migrations at " + url, e);
    }
  }

  /**
   * What opening the database at {@code c} needs, given the migrations {@code packaged}.
   *
   * @throws IllegalStateException when the schema has a migration newer than this build's
   */
  static Outcome check(Connection c, TreeSet<MigrationVersion> packaged) throws SQLException {
    List<String> history = Sql.query(c, "select to_regclass('flyway_schema_history')::text",
        rs -> rs.getString(1));
    if (history.get(0) == null) {
      return Outcome.MIGRATE; // a new database
    }
    TreeSet<MigrationVersion> applied = new TreeSet<>();
    boolean failed = false;
    for (Applied row : Sql.query(c, "select version, success from flyway_schema_history"
        + " where version is not null", rs -> new Applied(rs.getString(1), rs.getBoolean(2)))) {
      applied.add(MigrationVersion.fromVersion(row.version()));
      failed |= !row.success();
    }
    if (!applied.isEmpty() && applied.last().compareTo(packaged.last()) > 0) {
      throw new IllegalStateException("the database's schema is at version "
          + applied.last() + ", newer than this reelmesh knows (its migrations end at version "
          + packaged.last() + "): run a reelmesh as new as the one that migrated it, or point"
          + " this one at another database");
    }
    // A failed or missing migration, or one this build does not have: Flyway says which.
    return !failed && applied.equals(packaged) ? Outcome.CURRENT : Outcome.MIGRATE;
  }
}
