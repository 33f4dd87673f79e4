package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.orchestrator.store.Database;
import dev.reelmesh.orchestrator.testing.TestMesh;
import io.grpc.Channel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat service with chosen limits (and, if wanted, another LLM channel) on a test mesh's
 * pipeline, database and ledger, served in-process: what production builds from the
 * environment, built from {@link ChatSettings} the test picks.
 */
final class ChatHost implements AutoCloseable {
  private final Database database;
  private final ChatService chat;
  private final InProcessService server;

  ChatHost(TestMesh mesh, Channel llm, ChatSettings settings) {
    database = Database.shared(mesh.databaseUrl);
    var pipeline = mesh.pipelineServices().get(0);
    chat = ChatService.start(database.dataSource(), pipeline, llm, mesh.engine().ledger(),
        settings);
    server = InProcessService.start(chat.bindInto(pipeline));
  }

  ChatHost(TestMesh mesh, ChatSettings settings) {
    this(mesh, mesh.channels().llm(), settings);
  }

  Channel channel() {
    return server.channel();
  }

  /** The rows of {@code sql} (no parameters: tests pass their own literals), as strings. */
  List<List<String>> rows(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  @Override
  public void close() {
    server.close();
    chat.close();
    database.close();
  }
}
