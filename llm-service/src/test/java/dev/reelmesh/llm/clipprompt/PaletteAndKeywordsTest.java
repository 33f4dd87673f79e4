package dev.reelmesh.llm.clipprompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.llm.plan.PlanStyle;
import dev.reelmesh.llm.testing.Plans;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteAndKeywordsTest {
  @Test
  void namesHexColoursByNearestColour() {
    assertThat(PaletteNames.name("#00FFFF")).isEqualTo("cyan");
    assertThat(PaletteNames.name("#FF00FF")).isEqualTo("magenta");
    assertThat(PaletteNames.name("#FE01FD")).isEqualTo("magenta");
    assertThat(PaletteNames.name("#101010")).isEqualTo("black");
    assertThat(PaletteNames.name("#1C2B40")).isEqualTo("navy");
  }

  @Test
  void describesPaletteInWordsWithoutDuplicates() {
    assertThat(PaletteNames.describe(List.of("#00FFFF", "#FF00FF", "#00FEFE")))
        .isEqualTo("cyan and magenta colour palette");
    assertThat(PaletteNames.describe(List.of())).isEmpty();
  }

  @Test
  void keywordsAreLowercaseDedupedStableAndFiveToTen() {
    List<String> k = StyleKeywords.extract(Plans.CYBERPUNK);
    assertThat(k).containsExactly("cyberpunk", "melancholic", "wide shots", "tracking shots", "neon lighting", "high contrast");
    assertThat(StyleKeywords.extract(Plans.CYBERPUNK)).isEqualTo(k);
    PlanStyle shouting = new PlanStyle("Noir, NOIR", "Tense", "", "", List.of(), "noir");
    List<String> padded = StyleKeywords.extract(shouting);
    assertThat(padded).hasSizeBetween(5, 10).doesNotHaveDuplicates().startsWith("noir", "tense");
    assertThat(padded).allMatch(s -> s.equals(s.toLowerCase()));
    PlanStyle wordy = new PlanStyle("a, b, c, d, e, f, g, h, i, j, k, l", "m", "n", "o", List.of(), "");
    assertThat(StyleKeywords.extract(wordy)).hasSize(10);
  }

  @Test
  void negativePromptIsNormalisedAndAddsRealisticExtras() {
    assertThat(NegativePrompt.normalise("Blurry, text,  blurry ,, Logo")).isEqualTo("blurry, text, logo");
    String realistic = NegativePrompt.forStyle(new PlanStyle("photorealistic", "", "", "", List.of(), ""));
    assertThat(realistic).startsWith("blurry, low resolution").endsWith("cartoon, anime, illustration");
    assertThat(NegativePrompt.forStyle(Plans.CYBERPUNK)).doesNotContain("cartoon");
  }
}
