package dev.reelmesh.orchestrator.budget;

import dev.reelmesh.v1.Budget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The monthly spend ledger, persisted so a restart never forgets what was paid. A new month
 * starts from zero. Spend that would cross the limit is refused before any call is made.
 */
public final class Ledger {
  /** 50 USD, the default monthly limit. */
  public static final long DEFAULT_LIMIT_MICROS = 50_000_000L;
  private final Path file;
  private final long limitMicros;
  private final Clock clock;
  private Budget budget;

  public Ledger(Path stateDir, long limitMicros, Clock clock) {
    this.file = stateDir.resolve("ledger.pb");
    this.limitMicros = limitMicros;
    this.clock = clock;
    try {
      Files.createDirectories(stateDir);
      this.budget = Files.exists(file) ? Budget.parseFrom(Files.readAllBytes(file))
          : Budget.getDefaultInstance();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spend ledger " + file, e);
    }
  }

  /** The limit from {@code REELMESH_MONTHLY_LIMIT_USD}, else 50 USD. */
  public static long limitFromEnv(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT_MICROS;
    }
    double usd = Double.parseDouble(value.strip());
    if (!(usd >= 0) || Double.isInfinite(usd)) {
      throw new IllegalArgumentException("REELMESH_MONTHLY_LIMIT_USD must be >= 0, got " + value);
    }
    return Math.round(usd * 1_000_000);
  }

  public synchronized Budget budget() {
    roll();
    return budget;
  }

  /** True when {@code micros} more fits under the month's limit. */
  public synchronized boolean fits(long micros) {
    return micros <= budget().getRemainingMicros();
  }

  /** Records actual spend. */
  public synchronized void spend(long micros) {
    if (micros <= 0) {
      return;
    }
    roll();
    long spent = budget.getSpentMicros() + micros;
    budget = budget.toBuilder().setSpentMicros(spent)
        .setRemainingMicros(Math.max(0, limitMicros - spent - budget.getReservedMicros())).build();
    save();
  }

  private void roll() {
    String month = YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
    if (!month.equals(budget.getMonth()) || budget.getMonthlyLimitMicros() != limitMicros) {
      long spent = month.equals(budget.getMonth()) ? budget.getSpentMicros() : 0;
      budget = Budget.newBuilder().setMonth(month).setMonthlyLimitMicros(limitMicros)
          .setSpentMicros(spent).setRemainingMicros(Math.max(0, limitMicros - spent)).build();
      save();
    }
  }

  private void save() {
    try {
      Path tmp = file.resolveSibling("ledger.pb.tmp");
      Files.write(tmp, budget.toByteArray());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the spend ledger " + file, e);
    }
  }
}
