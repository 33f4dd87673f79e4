package dev.reelmesh.llm.engine.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriceTableTest {
  @Test
  void pricesTokensInMicroDollarsByModelFamily() {
    assertThat(PriceTable.inputMicros("gpt-4o", 1_000_000)).isEqualTo(2_500_000);
    assertThat(PriceTable.outputMicros("gpt-4o", 1_000_000)).isEqualTo(10_000_000);
    assertThat(PriceTable.inputMicros("gpt-4o-2024-08-06", 1_000)).isEqualTo(2_500);
    assertThat(PriceTable.inputMicros("gpt-4o-mini", 1_000_000)).isEqualTo(150_000);
    assertThat(PriceTable.outputMicros("gpt-4.1-mini-2025-04-14", 1_000)).isEqualTo(1_600);
    assertThat(PriceTable.outputMicros("gpt-4o", 1)).isEqualTo(10);
  }

  @Test
  void unknownLocalModelsCostNothing() {
    assertThat(PriceTable.priced("llama3.1:8b")).isFalse();
    assertThat(PriceTable.inputMicros("llama3.1:8b", 5_000)).isZero();
  }
}
