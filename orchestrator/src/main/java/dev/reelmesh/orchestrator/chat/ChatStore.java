package dev.reelmesh.orchestrator.chat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.reelmesh.v1.ChatServerMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Chat sessions in the orchestrator's database (V3__chat.sql): who owns each, and its messages
 * in sequence order. A message gets its sequence in the transaction that stores it, so
 * sequences stay contiguous even with several orchestrators on one shared database.
 */
final class ChatStore {
  private final DataSource pool;

  ChatStore(DataSource pool) {
    this.pool = pool;
  }

  String create(String tenant) {
    String id = UUID.randomUUID().toString();
    run("create a chat session", c -> update(c, "insert into chat_sessions (session_id, tenant)"
        + " values (?, ?)", id, tenant));
    return id;
  }

  /** The session's tenant, or empty when there is no such session. */
  Optional<String> tenant(String sessionId) {
    return run("read chat session " + sessionId, c -> {
      try (PreparedStatement s = prepare(c, "select tenant from chat_sessions where session_id = ?",
          sessionId); ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
      }
    });
  }

  /** Stores {@code message} as the session's next one and returns it as stored. */
  ChatServerMessage append(String sessionId, ChatServerMessage.Builder message) {
    return run("append to chat session " + sessionId, c -> {
      c.setAutoCommit(false);
      try {
        long sequence;
        try (PreparedStatement s = prepare(c, "update chat_sessions set last_sequence ="
            + " last_sequence + 1 where session_id = ? returning last_sequence", sessionId);
            ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            throw new SQLException("no chat session " + sessionId);
          }
          sequence = rs.getLong(1);
        }
        Instant now = Instant.now();
        ChatServerMessage stored = message.setSessionId(sessionId).setSequence(sequence)
            .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond())
                .setNanos(now.getNano())).build();
        update(c, "insert into chat_messages (session_id, sequence, body) values (?, ?, ?)",
            sessionId, sequence, stored.toByteArray());
        c.commit();
        return stored;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    });
  }

  /** The session's messages with sequence > {@code after}, in order. */
  List<ChatServerMessage> after(String sessionId, long after) {
    return run("read chat session " + sessionId, c -> {
      List<ChatServerMessage> messages = new ArrayList<>();
      try (PreparedStatement s = prepare(c, "select body from chat_messages where session_id = ?"
          + " and sequence > ? order by sequence", sessionId, after);
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          messages.add(parse(rs.getBytes(1)));
        }
      }
      return messages;
    });
  }

  long lastSequence(String sessionId) {
    return run("read chat session " + sessionId, c -> {
      try (PreparedStatement s = prepare(c, "select last_sequence from chat_sessions where"
          + " session_id = ?", sessionId); ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  private static ChatServerMessage parse(byte[] body) throws SQLException {
    try {
      return ChatServerMessage.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("a stored chat message does not parse", e);
    }
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T run(String what, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw io.grpc.Status.UNAVAILABLE.withDescription("chat store: cannot " + what + ": "
          + e.getMessage()).withCause(e).asRuntimeException();
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    }
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
