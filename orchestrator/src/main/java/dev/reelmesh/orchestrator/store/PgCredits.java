package dev.reelmesh.orchestrator.store;

import com.google.protobuf.Timestamp;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CreditAccount;
import dev.reelmesh.v1.CreditEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Credits per tenant, on the journal. An account holds only its grants: what the tenant spent and
 * holds is read from the calls and charges of its jobs since the account opened, so credits and
 * the ledger cannot disagree. A hold locks the tenant's account row (after the month's), so two
 * calls never both take the last credits; settling, releasing and unreconciling need nothing
 * here, because they only move the journal rows credits are read from.
 *
 * <p>A tenant without an account is not limited by credits, unless credits are required
 * ({@code REELMESH_CREDITS=required}): then it may make no paid call until an admin grants some.
 */
final class PgCredits {
  /** The variable that makes credits required: "required", or "optional" (the default). */
  static final String MODE_VARIABLE = "REELMESH_CREDITS";
  // Each journal row names its tenant (V6): its job's or its chat session's.
  private static final String SPENT = "select coalesce(sum(ch.actual), 0) from charges ch"
      + " where ch.tenant = ? and ch.charged_at >= ?";
  private static final String HELD = "select coalesce(sum(ca.estimate), 0) from calls ca"
      + " where ca.tenant = ? and ca.state = 'held' and ca.created_at >= ?";
  private final Sql sql;
  private final boolean required;

  PgCredits(Sql sql, boolean required) {
    this.sql = sql;
    this.required = required;
  }

  static boolean requiredFromEnv(String value) {
    String mode = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "", "optional" -> false;
      case "required" -> true;
      default -> throw new IllegalArgumentException(MODE_VARIABLE + " must be 'optional' (the "
          + "default: tenants without a credit account are not limited by credits) or "
          + "'required' (they may make no paid call), got '" + value + "'");
    };
  }

  /**
   * In the hold's transaction: why the job's tenant may not hold {@code micros} more, or null.
   * Locks the tenant's account, so concurrent holds of one tenant are checked one at a time.
   */
  String refusal(Connection c, String jobId, String step, long micros) throws SQLException {
    return tenantRefusal(c, tenantOf(c, jobId), step, micros);
  }

  /** As above, for a call of {@code tenant} that belongs to no job (a chat turn). */
  String tenantRefusal(Connection c, String tenant, String step, long micros)
      throws SQLException {
    CreditAccount account = account(c, tenant, true);
    if (!account.getOpen()) {
      return !required || micros == 0 ? null : String.format(Locale.ROOT, "credits: tenant '%s'"
          + " has no credit account and this mesh requires credits (%s=required); this call"
          + " (%s) is estimated at %s; an admin grants credits with `reelmesh credits grant %s"
          + " AMOUNT`", tenant, MODE_VARIABLE, step, usd(micros), tenant);
    }
    if (micros <= account.getAvailableMicros()) {
      return null;
    }
    return String.format(Locale.ROOT, "credits: tenant '%s' has %s of credits left (%s granted,"
        + " %s spent, %s in flight); this call (%s) is estimated at %s; an admin grants more"
        + " with `reelmesh credits grant %s AMOUNT`", tenant, usd(account.getAvailableMicros()),
        usd(account.getGrantedMicros()), usd(account.getSpentMicros()),
        usd(account.getHeldMicros()), step, usd(micros), tenant);
  }

  /** What the job's tenant may still hold: its available credits, or no limit. */
  long left(Connection c, String jobId) throws SQLException {
    CreditAccount account = account(c, tenantOf(c, jobId), false);
    if (!account.getOpen()) {
      return required ? 0 : Long.MAX_VALUE;
    }
    return Math.max(0, account.getAvailableMicros());
  }

  /** The tenant's account (open = false when it has none), without history. */
  CreditAccount account(String tenant) {
    return sql.auto("read the credits of " + tenant, c -> account(c, tenant, false));
  }

  /** Adds {@code micros} to the tenant's account, opening it with the first grant. */
  CreditAccount grant(String tenant, long micros, String by, String note) {
    return sql.money("grant credits to " + tenant, c -> {
      Sql.update(c, "insert into credit_accounts (tenant) values (?) on conflict do nothing",
          tenant);
      account(c, tenant, true); // waits for holds of the tenant in flight
      Sql.update(c, "insert into credit_grants (tenant, amount, granted_by, note) values"
          + " (?, ?, ?, ?)", tenant, micros, by, note);
      return account(c, tenant, false);
    });
  }

  /**
   * The tenant's account with its newest {@code max} entries: grants, charges of its jobs,
   * and its calls held or released, since the account opened.
   */
  CreditAccount withHistory(String tenant, int max) {
    return sql.auto("read the credit history of " + tenant, c -> {
      CreditAccount account = account(c, tenant, false);
      if (!account.getOpen()) {
        return account;
      }
      OffsetDateTime opened = opened(c, tenant, false);
      List<CreditEntry> entries = Sql.query(c, "select * from ("
          + " select granted_at as t, 'grant' as kind, amount, null as job_id, note,"
          + "   granted_by, null::bytea as line from credit_grants where tenant = ?"
          + " union all select ch.charged_at, case when ch.unreconciled then 'unreconciled'"
          + "   else 'charge' end, ch.actual, ch.job_id, null, null, ch.line"
          + "   from charges ch where ch.tenant = ? and ch.charged_at >= ?"
          + " union all select ca.created_at, case ca.state when 'held' then 'held'"
          + "   else 'released' end, ca.estimate, ca.job_id, ca.step, null, null"
          + "   from calls ca"
          + "   where ca.tenant = ? and ca.state in ('held', 'released') and ca.created_at >= ?"
          + ") entries order by t desc limit ?", rs -> entry(rs.getObject(1, OffsetDateTime.class),
              rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getBytes(7)), tenant, tenant, opened, tenant, opened, max);
      return account.toBuilder().addAllHistory(entries).build();
    });
  }

  /**
   * One tenant's month: its jobs' charges, holds and unreconciled calls; what it may still spend
   * is the mesh's remaining month, and no more than its credits when it has an account.
   */
  Budget budget(String tenant, YearMonth month, Budget mesh) {
    String m = month.toString();
    return sql.auto("read the budget of " + tenant, c -> {
      long spent = Sql.sum(c, "select coalesce(sum(ch.actual), 0) from charges ch"
          + " where ch.tenant = ? and ch.month = ?", tenant, m);
      long held = Sql.sum(c, "select coalesce(sum(ca.estimate), 0) from calls ca"
          + " where ca.tenant = ? and ca.month = ? and ca.state = 'held'", tenant, m);
      var unreconciled = Sql.query(c, "select coalesce(sum(ch.actual), 0), count(*) from"
          + " charges ch where ch.tenant = ? and ch.month = ? and ch.unreconciled", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, tenant, m)
          .get(0);
      CreditAccount account = account(c, tenant, false);
      long credits = account.getOpen() ? Math.max(0, account.getAvailableMicros())
          : required ? 0 : Long.MAX_VALUE;
      Budget.Builder budget = Budget.newBuilder().setTenant(tenant).setMonth(m)
          .setMonthlyLimitMicros(mesh.getMonthlyLimitMicros()).setSpentMicros(spent)
          .setReservedMicros(held).setRemainingMicros(Math.min(mesh.getRemainingMicros(),
              credits)).setUnreconciledMicros(unreconciled[0])
          .setUnreconciledCalls((int) unreconciled[1]);
      if (account.getOpen()) {
        budget.setCredits(account);
      }
      return budget.build();
    });
  }

  private CreditAccount account(Connection c, String tenant, boolean lock) throws SQLException {
    OffsetDateTime opened = opened(c, tenant, lock);
    CreditAccount.Builder account = CreditAccount.newBuilder().setTenant(tenant);
    if (opened == null) {
      return account.build();
    }
    long granted = Sql.sum(c, "select coalesce(sum(amount), 0) from credit_grants"
        + " where tenant = ?", tenant);
    long spent = Sql.sum(c, SPENT, tenant, opened);
    long held = Sql.sum(c, HELD, tenant, opened);
    return account.setOpen(true).setGrantedMicros(granted).setSpentMicros(spent)
        .setHeldMicros(held).setAvailableMicros(granted - spent - held).build();
  }

  private static OffsetDateTime opened(Connection c, String tenant, boolean lock)
      throws SQLException {
    return Sql.query(c, "select opened_at from credit_accounts where tenant = ?"
        + (lock ? " for update" : ""), rs -> rs.getObject(1, OffsetDateTime.class), tenant)
        .stream().findFirst().orElse(null);
  }

  private static String tenantOf(Connection c, String jobId) throws SQLException {
    return Sql.query(c, "select tenant from jobs where job_id = ?", rs -> rs.getString(1), jobId)
        .stream().findFirst().orElseThrow(() -> new SQLException("no job " + jobId));
  }

  private static CreditEntry entry(OffsetDateTime time, String kind, long amount, String jobId,
      String note, String by, byte[] line) throws SQLException {
    String text = note;
    if (line != null) {
      CostLine charged = PgJournal.parse(line);
      text = charged.getStage() + ": " + charged.getProvider() + " " + charged.getItem();
    }
    return CreditEntry.newBuilder().setTime(Timestamp.newBuilder()
        .setSeconds(time.toEpochSecond()).setNanos(time.getNano())).setKind(kind)
        .setAmountMicros(amount).setJobId(jobId == null ? "" : jobId)
        .setNote(text == null ? "" : text).setBy(by == null ? "" : by).build();
  }

  private static String usd(long micros) {
    return String.format(Locale.ROOT, "$%.4f", micros / 1e6);
  }
}
