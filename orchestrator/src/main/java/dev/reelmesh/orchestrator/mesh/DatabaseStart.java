package dev.reelmesh.orchestrator.mesh;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.orchestrator.store.Database;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The mesh's database, opened on a thread of its own beside the rest of start-up. */
final class DatabaseStart {
  private DatabaseStart() {}

  /** Starts opening the database at {@code url} (null or blank: the embedded one). */
  static CompletableFuture<Database> begin(String url, MeshSettings settings) {
    return CompletableFuture.supplyAsync(() -> Database.open(url, settings.stateDir()),
        command -> {
          Thread thread = new Thread(command, "reelmesh-database-start");
          thread.setDaemon(true);
          thread.start();
        });
  }

  /** The open database; a failure to open is thrown as {@link Database#open} threw it. */
  static Database await(CompletableFuture<Database> database) {
    try {
      return database.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Start-up failed elsewhere: the database is closed once it has opened, if it does. */
  static void closeWhenOpen(CompletableFuture<Database> database) {
    database.thenAccept(Database::close);
  }
}
