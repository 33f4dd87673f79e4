package dev.reelmesh.orchestrator.store;

import dev.reelmesh.orchestrator.testing.TestDatabase;

/** The contract on PostgreSQL (the tests' embedded server, a fresh database per test). */
class PgStoreTest extends JobStoreContract {
  private Database database;

  @Override
  JobStore open() {
    database = Database.shared(TestDatabase.fresh());
    return database.store();
  }

  @Override
  void close() {
    database.close();
  }
}
