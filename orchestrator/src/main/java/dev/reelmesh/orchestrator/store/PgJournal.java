package dev.reelmesh.orchestrator.store;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The provider-call journal and the charges, on PostgreSQL. Every money move locks the month's
 * row first, so checks and writes of concurrent calls (any orchestrator) are serialised.
 */
final class PgJournal {
  /** The columns that name whose a call and its charges are (never user input). */
  private static final String JOB = "job_id";
  private static final String CHAT = "chat_session";
  private final Sql sql;
  private final PgCredits credits;

  PgJournal(Sql sql, PgCredits credits) {
    this.sql = sql;
    this.credits = credits;
  }

  JobStore.Hold hold(String jobId, String step, CostLine estimate, long cap, YearMonth month,
      long limit, String leaseOwner) {
    String m = month.toString();
    long micros = estimate.getEstimatedMicros();
    return sql.money("hold " + step, c -> {
      if (leaseOwner != null) {
        checkLease(c, jobId, leaseOwner);
      }
      lockMonth(c, m);
      long jobCharged = charged(c, JOB, jobId);
      long jobHeld = held(c, JOB, jobId);
      if (cap > 0 && jobCharged + jobHeld + micros > cap) {
        return new JobStore.Hold(0, String.format(Locale.ROOT, "job budget cap %s would be "
            + "crossed: spent %s, in flight %s, this call (%s) is estimated at %s; raise "
            + "spec.budget_cap_micros or choose cheaper providers", usd(cap), usd(jobCharged),
            usd(jobHeld), step, usd(micros)));
      }
      String monthShort = monthRefusal(c, m, limit, step, micros);
      if (monthShort != null) {
        return new JobStore.Hold(0, monthShort);
      }
      String creditsShort = credits.refusal(c, jobId, step, micros); // the tenant's credits
      if (creditsShort != null) {
        return new JobStore.Hold(0, creditsShort);
      }
      long id = Sql.query(c, "insert into calls (job_id, tenant, month, step, estimate, line,"
          + " state) values (?, (select tenant from jobs where job_id = ?), ?, ?, ?, ?, 'held')"
          + " returning call_id", rs -> rs.getLong(1), jobId, jobId, m, step, micros,
          estimate.toByteArray()).get(0);
      return new JobStore.Hold(id, null);
    });
  }

  /**
   * A chat turn's hold (the session's instead of a job's): checked against the session's cap
   * (0: none), the month's limit and the session tenant's credits, in the transaction that
   * journals it.
   */
  JobStore.Hold holdChat(String sessionId, String step, CostLine estimate, long sessionCap,
      YearMonth month, long limit) {
    String m = month.toString();
    long micros = estimate.getEstimatedMicros();
    return sql.money("hold " + step, c -> {
      lockMonth(c, m);
      String tenant = Sql.query(c, "select tenant from chat_sessions where session_id = ?",
          rs -> rs.getString(1), sessionId).stream().findFirst()
          .orElseThrow(() -> new SQLException("no chat session " + sessionId));
      long sessionSpent = charged(c, CHAT, sessionId);
      long sessionHeld = held(c, CHAT, sessionId);
      if (sessionCap > 0 && sessionSpent + sessionHeld + micros > sessionCap) {
        return new JobStore.Hold(0, String.format(Locale.ROOT, "chat session cap %s would be "
            + "crossed: the session spent %s, %s in flight, this turn (%s) is held at %s; raise"
            + " REELMESH_CHAT_SESSION_CAP_USD (0: no cap)", usd(sessionCap), usd(sessionSpent),
            usd(sessionHeld), step, usd(micros)));
      }
      String refusal = monthRefusal(c, m, limit, step, micros);
      if (refusal == null) {
        refusal = credits.tenantRefusal(c, tenant, step, micros);
      }
      if (refusal != null) {
        return new JobStore.Hold(0, refusal);
      }
      long id = Sql.query(c, "insert into calls (chat_session, tenant, month, step, estimate,"
          + " line, state) values (?, ?, ?, ?, ?, ?, 'held') returning call_id",
          rs -> rs.getLong(1), sessionId, tenant, m, step, micros, estimate.toByteArray()).get(0);
      return new JobStore.Hold(id, null);
    });
  }

  /** Why the month cannot hold {@code micros} more, or null. */
  private static String monthRefusal(Connection c, String month, long limit, String step,
      long micros) throws SQLException {
    long spent = monthSpent(c, month);
    long held = monthHeld(c, month);
    if (spent + held + micros <= limit) {
      return null;
    }
    return String.format(Locale.ROOT, "monthly limit %s would be crossed: %s spent this month,"
        + " %s in flight, this call (%s) is estimated at %s; raise REELMESH_MONTHLY_LIMIT_USD or"
        + " wait for next month", usd(limit), usd(spent), usd(held), step, usd(micros));
  }

  /**
   * Chat turns still held after {@code olderThan}: the orchestrator that made them died (a live
   * one settles a turn within its deadline), so each is charged at its hold, unreconciled.
   */
  List<CostLine> unreconcileStaleChat(java.time.Duration olderThan) {
    return sql.money("unreconcile stale chat turns", c -> {
      var held = Sql.query(c, "select call_id from calls where chat_session is not null and"
          + " state = 'held' and created_at < now() - make_interval(secs => ?) order by call_id",
          rs -> rs.getLong(1), (double) olderThan.toMillis() / 1000);
      List<CostLine> charged = new ArrayList<>();
      for (long callId : held) {
        charged.addAll(unreconcileHeld(c, callId));
      }
      return charged;
    });
  }

  void settle(long callId, List<CostLine> lines, String stepKey, byte[] stepResult,
      String leaseOwner) {
    sql.money("settle call " + callId, c -> {
      var call = Sql.query(c, "select job_id, month, chat_session from calls where call_id = ?",
          rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, callId);
      if (call.isEmpty()) {
        throw new SQLException("no call " + callId);
      }
      String jobId = call.get(0)[0];
      String month = call.get(0)[1];
      if (leaseOwner != null && jobId != null) {
        checkLease(c, jobId, leaseOwner);
      }
      lockMonth(c, month);
      String state = Sql.query(c, "select state from calls where call_id = ?",
          rs -> rs.getString(1), callId).get(0);
      if ("unreconciled".equals(state)) {
        // Charged at its estimate by a resume that thought the call lost; now it is known.
        Sql.update(c, "delete from charges where call_id = ? and unreconciled", callId);
      }
      Sql.update(c, "update calls set state = 'settled', settled_at = now() where call_id = ?",
          callId);
      insertCharges(c, jobId, call.get(0)[2], callId, month, lines, false);
      if (stepKey != null) {
        PgJobs.putStep(c, jobId, stepKey, stepResult);
      }
      return null;
    });
  }

  /**
   * Throws {@link LeaseLost} unless {@code leaseOwner} holds the job. The job's row stays locked
   * to the commit: a takeover (which rewrites the owner, then unreconciles what is held) waits
   * for this hold or settle, or this one sees the takeover and stops.
   */
  private static void checkLease(Connection c, String jobId, String leaseOwner)
      throws SQLException {
    String holder = Sql.query(c, "select owner from jobs where job_id = ? for no key update",
        rs -> rs.getString(1), jobId).stream().findFirst().orElse(null);
    if (!leaseOwner.equals(holder)) {
      throw new LeaseLost(jobId, leaseOwner, holder);
    }
  }

  void release(long callId) {
    sql.auto("release call " + callId, c -> Sql.update(c, "update calls set state = 'released',"
        + " settled_at = now() where call_id = ? and state = 'held'", callId));
  }

  void charge(String jobId, YearMonth month, List<CostLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    sql.money("charge " + jobId, c -> {
      lockMonth(c, month.toString());
      insertCharges(c, jobId, null, null, month.toString(), lines, false);
      return null;
    });
  }

  List<CostLine> unreconcile(String jobId) {
    return sql.money("unreconcile the calls of " + jobId, c -> {
      var held = Sql.query(c, "select call_id from calls where job_id = ? and state = 'held'"
          + " order by call_id", rs -> rs.getLong(1), jobId);
      List<CostLine> charged = new ArrayList<>();
      for (long callId : held) {
        charged.addAll(unreconcileHeld(c, callId));
      }
      return charged;
    });
  }

  List<CostLine> unreconcileCall(long callId) {
    return sql.money("unreconcile call " + callId, c -> unreconcileHeld(c, callId));
  }

  /** Charges a held call at its estimate, marked unreconciled; nothing when it is not held. */
  private static List<CostLine> unreconcileHeld(Connection c, long callId) throws SQLException {
    var call = Sql.query(c, "select job_id, month, line, chat_session from calls where"
        + " call_id = ? and state = 'held'", rs -> new Object[] {rs.getString(1),
        rs.getString(2), rs.getBytes(3), rs.getString(4)}, callId);
    if (call.isEmpty()) {
      return List.of();
    }
    String month = (String) call.get(0)[1];
    lockMonth(c, month);
    CostLine estimate = parse((byte[]) call.get(0)[2]);
    CostLine line = estimate.toBuilder().setActualMicros(estimate.getEstimatedMicros())
        .setUnreconciled(true).build();
    Sql.update(c, "update calls set state = 'unreconciled' where call_id = ?", callId);
    insertCharges(c, (String) call.get(0)[0], (String) call.get(0)[3], callId, month,
        List.of(line), true);
    return List.of(line);
  }

  List<CostLine> bill(String jobId) {
    return sql.auto("read the bill of " + jobId, c -> Sql.query(c, "select line from charges"
        + " where job_id = ? order by charge_id", rs -> parse(rs.getBytes(1)), jobId));
  }

  Budget budget(YearMonth month, long limit) {
    String m = month.toString();
    return sql.auto("read the ledger", c -> {
      long spent = monthSpent(c, m);
      long held = monthHeld(c, m);
      var unreconciled = Sql.query(c, "select coalesce(sum(actual), 0), count(*) from charges"
          + " where month = ? and unreconciled", rs -> new long[] {rs.getLong(1), rs.getLong(2)},
          m).get(0);
      return Budget.newBuilder().setMonth(m).setMonthlyLimitMicros(limit).setSpentMicros(spent)
          .setReservedMicros(held).setRemainingMicros(Math.max(0, limit - spent - held))
          .setUnreconciledMicros(unreconciled[0]).setUnreconciledCalls((int) unreconciled[1])
          .build();
    });
  }

  long headroom(String jobId, long cap, YearMonth month, long limit) {
    String m = month.toString();
    return sql.auto("read the headroom of " + jobId, c -> {
      long monthLeft = limit - monthSpent(c, m) - monthHeld(c, m);
      long jobLeft = cap == 0 ? Long.MAX_VALUE : cap - charged(c, JOB, jobId)
          - held(c, JOB, jobId);
      long creditsLeft = credits.left(c, jobId);
      return Math.max(0, Math.min(Math.min(monthLeft, jobLeft), creditsLeft));
    });
  }

  private static void insertCharges(Connection c, String jobId, String chatSession,
      Long callId, String month, List<CostLine> lines, boolean unreconciled)
      throws SQLException {
    for (CostLine line : lines) {
      // The tenant the call was held for, else (a charge without a call) the job's.
      Sql.update(c, "insert into charges (job_id, chat_session, tenant, call_id, month,"
          + " estimated, actual, unreconciled, line) values (?, ?, coalesce((select tenant from"
          + " calls where call_id = ?), (select tenant from jobs where job_id = ?)), ?, ?, ?, ?,"
          + " ?, ?)", jobId, chatSession, callId, jobId, callId, month,
          line.getEstimatedMicros(), line.getActualMicros(), unreconciled, line.toByteArray());
    }
  }

  private static void lockMonth(Connection c, String month) throws SQLException {
    Sql.update(c, "insert into months (month) values (?) on conflict do nothing", month);
    Sql.query(c, "select month from months where month = ? for update", rs -> null, month);
  }

  /** What the calls of one owner (a job, or a chat session: {@link #JOB}, {@link #CHAT}) cost. */
  private static long charged(Connection c, String owner, String id) throws SQLException {
    return Sql.sum(c, "select coalesce(sum(actual), 0) from charges where " + owner + " = ?",
        id);
  }

  /** What the calls of one owner hold now. */
  private static long held(Connection c, String owner, String id) throws SQLException {
    return Sql.sum(c, "select coalesce(sum(estimate), 0) from calls where " + owner + " = ?"
        + " and state = 'held'", id);
  }

  private static long monthSpent(Connection c, String month) throws SQLException {
    return Sql.sum(c, "select coalesce(sum(actual), 0) from charges where month = ?", month);
  }

  private static long monthHeld(Connection c, String month) throws SQLException {
    return Sql.sum(c, "select coalesce(sum(estimate), 0) from calls where month = ?"
        + " and state = 'held'", month);
  }

  static CostLine parse(byte[] bytes) throws SQLException {
    try {
      return CostLine.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("a stored cost line is damaged", e);
    }
  }

  private static String usd(long micros) {
    return String.format(Locale.ROOT, "$%.4f", micros / 1e6);
  }
}
