package dev.reelmesh.llm.engine.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceTableTest {
  private static long in(String model, long tokens) {
    return PriceTable.inputMicros(PriceTable.of(model, Optional.empty()), tokens);
  }

  private static long out(String model, long tokens) {
    return PriceTable.outputMicros(PriceTable.of(model, Optional.empty()), tokens);
  }

  @Test
  void pricesTokensInMicroDollarsByModelFamily() {
    assertThat(in("gpt-4o", 1_000_000)).isEqualTo(2_500_000);
    assertThat(out("gpt-4o", 1_000_000)).isEqualTo(10_000_000);
    assertThat(in("gpt-4o-2024-08-06", 1_000)).isEqualTo(2_500);
    assertThat(in("gpt-4o-mini", 1_000_000)).isEqualTo(150_000);
    assertThat(out("gpt-4.1-mini-2025-04-14", 1_000)).isEqualTo(1_600);
    assertThat(out("gpt-4o", 1)).isEqualTo(10);
  }

  @Test
  void unknownModelsArePricedAsTheDearestListedNeverFree() {
    assertThat(PriceTable.known("llama3.1:8b")).isFalse();
    assertThat(in("llama3.1:8b", 1_000_000)).isEqualTo(10_000_000); // gpt-4-turbo, $10 per 1M
    assertThat(out("llama3.1:8b", 1_000_000)).isEqualTo(30_000_000);
    assertThat(PriceTable.of("llama3.1:8b", Optional.empty()).source()).contains("dearest").contains("gpt-4-turbo");
    // Dearer than every listed model, so no estimate for it is ever below a real bill.
    for (String listed : new String[] {"gpt-4o", "gpt-4.1", "gpt-4o-mini", "gpt-4-turbo"}) {
      assertThat(in("llama3.1:8b", 1_000)).isGreaterThanOrEqualTo(in(listed, 1_000));
    }
  }

  @Test
  void aDeclaredPriceWinsOverTheTable() {
    PriceTable.Price free = new PriceTable.Price(0, 0, "REELMESH_LLM_PRICE");
    assertThat(PriceTable.inputMicros(PriceTable.of("llama3.1:8b", Optional.of(free)), 5_000)).isZero();
  }
}
