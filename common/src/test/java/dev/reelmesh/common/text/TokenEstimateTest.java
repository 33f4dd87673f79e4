package dev.reelmesh.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenEstimateTest {
  @Test
  void asciiCostsAQuarterOfItsCharactersRoundedUp() {
    assertThat(TokenEstimate.of("")).isZero();
    assertThat(TokenEstimate.of("a")).isEqualTo(1);
    assertThat(TokenEstimate.of("abcd")).isEqualTo(1);
    assertThat(TokenEstimate.of("a kettle at dawn")).isEqualTo(4);
  }

  @Test
  void everyOtherCodePointIsAWholeToken() {
    // Nine CJK characters: cl100k and o200k spend about one token on each, not two and a half.
    assertThat(TokenEstimate.of("陶瓷手冲壶在晨光里")).isEqualTo(9);
    assertThat(TokenEstimate.of("Привет")).isEqualTo(6);
    // An emoji outside the BMP is one code point (two chars), counted once.
    assertThat(TokenEstimate.of("\uD83D\uDE00")).isEqualTo(1);
    assertThat(TokenEstimate.of("café au lait")).isEqualTo((11 + 3) / 4 + 1);
  }

  @Test
  void partsAreSummed() {
    assertThat(TokenEstimate.of("abcd", "efgh", "晨")).isEqualTo(3);
  }
}
