package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CostReport;
import java.io.PrintWriter;
import java.util.Locale;

/** Micro-dollars as people read them, and bills as tables. */
final class Money {
  private Money() {}

  static String usd(long micros) {
    return String.format(Locale.ROOT, "$%,.4f", micros / 1_000_000.0);
  }

  /** USD typed by a person → micro-dollars. */
  static long micros(double usd) {
    return Math.round(usd * 1_000_000);
  }

  /** One line per stage and provider; {@code actual} adds the measured column. */
  static void printBill(CostReport bill, boolean actual, PrintWriter out) {
    if (bill.getLinesCount() == 0) {
      out.println("  (no priced work)");
      return;
    }
    out.printf("  %-13s %-10s %-46s %12s%s%n", "stage", "provider", "item", "estimate",
        actual ? String.format("%12s", "actual") : "");
    for (CostLine line : bill.getLinesList()) {
      out.printf(Locale.ROOT, "  %-13s %-10s %-46s %12s%s%n", line.getStage(), line.getProvider(),
          cut(String.format(Locale.ROOT, "%s (%s %s)", line.getItem(), quantity(line),
              line.getUnit().replace('_', ' ')), 46), usd(line.getEstimatedMicros()),
          actual ? String.format("%12s", usd(line.getActualMicros())) : "");
    }
    out.printf("  %-71s %12s%s%n", "total", usd(bill.getEstimatedTotalMicros()),
        actual ? String.format("%12s", usd(bill.getActualTotalMicros())) : "");
  }

  static String cut(String text, int width) {
    return text.length() > width ? text.substring(0, width - 1) + "…" : text;
  }

  private static String quantity(CostLine line) {
    double q = line.getQuantity();
    return q == Math.rint(q) ? String.valueOf((long) q) : String.format(Locale.ROOT, "%.1f", q);
  }
}
