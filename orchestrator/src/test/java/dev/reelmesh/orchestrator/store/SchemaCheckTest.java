package dev.reelmesh.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.orchestrator.testing.TestDatabase;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** Flyway runs only when the schema lacks some of this build's migrations; newer is refused. */
class SchemaCheckTest {
  private static final TreeSet<MigrationVersion> PACKAGED = SchemaCheck.packaged();

  @Test
  void theBuildsMigrationsAreTheOnesFlywayFinds() {
    String url = TestDatabase.fresh();
    TreeSet<MigrationVersion> flyway = new TreeSet<>();
    for (var migration : Flyway.configure().dataSource(url, null, null)
        .locations("classpath:" + SchemaCheck.LOCATION).load().info().all()) {
      flyway.add(migration.getVersion());
    }
    assertThat(PACKAGED).isEqualTo(flyway).hasSizeGreaterThan(1);
  }

  @Test
  void aNewDatabaseIsMigratedAndACurrentOneIsOpenedWithoutFlyway() throws SQLException {
    String url = TestDatabase.fresh();
    try (Database first = Database.shared(url)) {
      assertThat(first.schema()).isEqualTo(SchemaCheck.Outcome.MIGRATE);
      first.store().insert(Job.newBuilder().setJobId("job-1")
          .setState(JobState.JOB_STATE_SUCCEEDED).build());
    }
    assertThat(applied(url)).isEqualTo(versions(PACKAGED));
    try (Database second = Database.shared(url)) {
      assertThat(second.schema()).isEqualTo(SchemaCheck.Outcome.CURRENT);
      assertThat(second.store().load("job-1")).isPresent();
    }
  }

  @Test
  void anOlderSchemaIsMigratedToTheLatest() throws SQLException {
    String url = TestDatabase.fresh();
    MigrationVersion older = PACKAGED.lower(PACKAGED.last());
    Flyway.configure().dataSource(url, null, null).locations("classpath:" + SchemaCheck.LOCATION)
        .target(older).load().migrate();
    assertThat(applied(url)).isEqualTo(versions(PACKAGED.headSet(older, true)));
    try (Database opened = Database.shared(url)) {
      assertThat(opened.schema()).isEqualTo(SchemaCheck.Outcome.MIGRATE);
      // The store works on the migrated schema: the latest migration's tables are there.
      opened.store().insert(Job.newBuilder().setJobId("job-1")
          .setState(JobState.JOB_STATE_QUEUED).build());
      assertThat(opened.store().loadNotEnded()).extracting(Job::getJobId).containsExactly("job-1");
    }
    assertThat(applied(url)).isEqualTo(versions(PACKAGED));
  }

  @Test
  void aSchemaNewerThanThisBuildIsRefusedWithBothVersions() throws SQLException {
    String url = TestDatabase.fresh();
    Database.shared(url).close();
    String newer = PACKAGED.last().getMajor().add(java.math.BigInteger.ONE).toString();
    try (Connection c = DriverManager.getConnection(url)) {
      // As a newer reelmesh's Flyway would have recorded its next migration.
      c.createStatement().execute("insert into flyway_schema_history (installed_rank, version,"
          + " description, type, script, checksum, installed_by, execution_time, success)"
          + " select max(installed_rank) + 1, '" + newer + "', 'newer', 'SQL', 'V" + newer
          + "__newer.sql', 0, 'test', 1, true from flyway_schema_history");
    }
    assertThatThrownBy(() -> Database.shared(url)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema is at version " + newer)
        .hasMessageContaining("migrations end at version " + PACKAGED.last());
    assertThat(applied(url)).as("nothing applied or removed").hasSize(PACKAGED.size() + 1);
  }

  private static List<String> applied(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return Sql.query(c, "select version from flyway_schema_history where version is not null"
          + " order by installed_rank", rs -> rs.getString(1));
    }
  }

  private static List<String> versions(java.util.SortedSet<MigrationVersion> versions) {
    List<String> names = new ArrayList<>();
    versions.forEach(v -> names.add(v.getVersion()));
    return names;
  }
}
