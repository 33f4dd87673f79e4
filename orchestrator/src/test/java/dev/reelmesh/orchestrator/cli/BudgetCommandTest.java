package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.v1.Budget;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What `reelmesh budget` prints for the month, from GetBudget's figures. */
class BudgetCommandTest {
  private static String printed(Budget budget) {
    StringWriter text = new StringWriter();
    BudgetCommand.printMonth(new PrintWriter(text, true), budget);
    return text.toString();
  }

  private static Budget.Builder month() {
    return Budget.newBuilder().setMonth("2026-12").setMonthlyLimitMicros(50_000_000)
        .setSpentMicros(3_250_000).setReservedMicros(400_000).setRemainingMicros(46_350_000);
  }

  @Test
  void unreconciledCallsAreNamedWithTheirSumAndCount() {
    String text = printed(month().setUnreconciledMicros(1_200_000).setUnreconciledCalls(2)
        .build());
    assertThat(text).contains("spent           $3.2500").contains("left           $46.3500")
        .contains("unreconciled    $1.2000  (2 calls whose outcome is unknown, charged at their "
            + "estimate; in spent)");
  }

  @Test
  void aMonthWithoutUnreconciledCallsSaysNothingOfThem() {
    assertThat(printed(month().build())).contains("held            $0.4000")
        .doesNotContain("unreconciled");
  }
}
