package dev.reelmesh.orchestrator.store;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.reelmesh.v1.ChatServerMessage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Chat sessions (V3__chat.sql): who owns each, and its messages in sequence order. A message
 * gets its sequence in the transaction that stores it, so sequences stay contiguous even with
 * several orchestrators on one shared database.
 */
public final class PgChat {
  private final Sql sql;

  public PgChat(DataSource pool) {
    this.sql = new Sql(pool);
  }

  public String create(String tenant) {
    String id = UUID.randomUUID().toString();
    sql.auto("create a chat session", c -> Sql.update(c, "insert into chat_sessions"
        + " (session_id, tenant) values (?, ?)", id, tenant));
    return id;
  }

  /** The session's tenant, or empty when there is no such session. */
  public Optional<String> tenant(String sessionId) {
    return sql.auto("read chat session " + sessionId, c -> Sql.query(c, "select tenant from"
        + " chat_sessions where session_id = ?", rs -> rs.getString(1), sessionId).stream()
        .findFirst());
  }

  /**
   * Stores {@code message} as the session's next one and returns it as stored. Committed
   * durably, as charges are: a paid call's request and its confirmation must survive a crash.
   */
  public ChatServerMessage append(String sessionId, ChatServerMessage.Builder message) {
    return sql.money("append to chat session " + sessionId, c -> {
      List<Long> next = Sql.query(c, "update chat_sessions set last_sequence = last_sequence + 1"
          + " where session_id = ? returning last_sequence", rs -> rs.getLong(1), sessionId);
      if (next.isEmpty()) {
        throw new SQLException("no chat session " + sessionId);
      }
      Instant now = Instant.now();
      ChatServerMessage stored = message.setSessionId(sessionId).setSequence(next.get(0))
          .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond())
              .setNanos(now.getNano())).build();
      Sql.update(c, "insert into chat_messages (session_id, sequence, body) values (?, ?, ?)",
          sessionId, stored.getSequence(), stored.toByteArray());
      return stored;
    });
  }

  /** The session's messages with sequence > {@code after}, in order. */
  public List<ChatServerMessage> after(String sessionId, long after) {
    return sql.auto("read chat session " + sessionId, c -> Sql.query(c, "select body from"
        + " chat_messages where session_id = ? and sequence > ? order by sequence",
        rs -> parse(rs.getBytes(1)), sessionId, after));
  }

  public long lastSequence(String sessionId) {
    return sql.auto("read chat session " + sessionId, c -> Sql.query(c, "select last_sequence"
        + " from chat_sessions where session_id = ?", rs -> rs.getLong(1), sessionId).stream()
        .findFirst().orElse(0L));
  }

  private static ChatServerMessage parse(byte[] body) throws SQLException {
    try {
      return ChatServerMessage.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("a stored chat message does not parse", e);
    }
  }
}
