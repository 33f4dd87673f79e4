package dev.reelmesh.orchestrator.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CostReport;
import dev.reelmesh.v1.JobResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's bill names every unreconciled charge and says how much of the total they are. */
class CostSectionTest {
  static CostLine line(String item, long estimated, long actual, boolean unreconciled) {
    return CostLine.newBuilder().setStage("clips").setProvider("openai").setItem(item)
        .setEstimatedMicros(estimated).setActualMicros(actual).setUnreconciled(unreconciled)
        .build();
  }

  static String report(CostLine... lines) {
    CostReport.Builder cost = CostReport.newBuilder().addAllLines(List.of(lines));
    for (CostLine l : lines) {
      cost.setEstimatedTotalMicros(cost.getEstimatedTotalMicros() + l.getEstimatedMicros())
          .setActualTotalMicros(cost.getActualTotalMicros() + l.getActualMicros());
    }
    return ReportWriter.write("job-1", JobResult.newBuilder().setCost(cost).build(), List.of());
  }

  @Test
  void unreconciledChargesAreMarkedAndSummedApartFromTheTotal() {
    String md = report(line("clip 1 sora-2 8 s", 800_000, 800_000, false),
        line("clip 2 sora-2 8 s", 800_000, 800_000, true),
        line("llm EnhancePrompt (held at most)", 500_000, 500_000, true));
    assertThat(md).contains("| clips | openai | clip 2 sora-2 8 s" + CostSection.UNRECONCILED
        + " | $0.8000 | $0.8000 |")
        .contains("| clips | openai | clip 1 sora-2 8 s | $0.8000 | $0.8000 |")
        .contains("Total: $2.1000 actual (estimated $2.1000).")
        .contains("Of it, $1.3000 over 2 calls are unreconciled");
  }

  @Test
  void aBillWithNothingUnreconciledSaysNothingAboutIt() {
    String md = report(line("clip 1 sora-2 8 s", 800_000, 750_000, false));
    assertThat(md).contains("Total: $0.7500 actual (estimated $0.8000).")
        .doesNotContain("unreconciled");
  }
}
