package dev.reelmesh.llm.clipprompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipPromptValidatorTest {
  private final Plan plan = Plans.plan(3, 4);
  private final List<String> keywords = StyleKeywords.extract(plan.style());
  private final String negative = NegativePrompt.forStyle(plan.style());

  private GeneratedClipPrompt prompt(int index, String text, double duration, String scene) {
    return new GeneratedClipPrompt(index, text, negative, duration, scene, List.of(), Words.count(text),
        keywords, plan.clips().get(index).locationId(), plan.clips().get(index).characterIds(),
        ReferenceMode.TEXT_ONLY, false);
  }

  private List<GeneratedClipPrompt> valid() {
    List<GeneratedClipPrompt> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      out.add(prompt(i, "A cyberpunk street at night, young woman in a futuristic jacket", 4, ""));
    }
    return out;
  }

  private ValidationResult validate(List<GeneratedClipPrompt> prompts) {
    return ClipPromptValidator.validate(plan, prompts, keywords, negative, 199);
  }

  @Test
  void acceptsValidPromptsAndMarksThemValidated() {
    ValidationResult r = validate(valid());
    assertThat(r.accepted()).isTrue();
    assertThat(r.notes()).isEmpty();
    assertThat(r.prompts()).allMatch(GeneratedClipPrompt::validated);
  }

  @Test
  void refusesCountMismatchAndBrokenIndices() {
    assertThat(validate(valid().subList(0, 2)).refusal()).contains("clip count 2").contains("3 clips");
    List<GeneratedClipPrompt> gap = valid();
    gap.set(2, prompt(0, "x cyberpunk", 4, "").withPrompt("dup cyberpunk"));
    assertThat(validate(gap).refusal()).contains("contiguous");
  }

  @Test
  void reordersShuffledIndices() {
    List<GeneratedClipPrompt> shuffled = new ArrayList<>(valid());
    java.util.Collections.reverse(shuffled);
    ValidationResult r = validate(shuffled);
    assertThat(r.accepted()).isTrue();
    assertThat(r.prompts()).extracting(GeneratedClipPrompt::clipIndex).containsExactly(0, 1, 2);
  }

  @Test
  void snapsDurationsBeyondQuarterSecondAndKeepsSmallDrift() {
    List<GeneratedClipPrompt> p = valid();
    p.set(0, prompt(0, "cyberpunk street, young woman in a futuristic jacket", 4.2, ""));
    p.set(1, prompt(1, "cyberpunk rooftop", 4.4, ""));
    ValidationResult r = validate(p);
    assertThat(r.prompts().get(0).durationSeconds()).isEqualTo(4.2);
    assertThat(r.prompts().get(1).durationSeconds()).isEqualTo(4.0);
    assertThat(r.notes()).contains("clip 1: duration 4.4 s snapped to plan 4.0 s");
  }

  @Test
  void dropsNonHttpUrlsAndStripsUrlsFromText() {
    List<GeneratedClipPrompt> p = valid();
    p.set(1, prompt(1, "cyberpunk rooftop see https://evil.test/x.png now", 4, "ftp://x.test/a.png"));
    ValidationResult r = validate(p);
    assertThat(r.prompts().get(1).sceneUrl()).isEmpty();
    assertThat(r.prompts().get(1).prompt()).doesNotContain("https").contains("cyberpunk rooftop see now");
  }

  @Test
  void fixesWordLimitKeywordsAndCharacterDescriptions() {
    List<GeneratedClipPrompt> p = valid();
    p.set(0, prompt(0, "word ".repeat(250), 4, ""));
    ValidationResult r = validate(p);
    GeneratedClipPrompt fixed = r.prompts().get(0);
    assertThat(fixed.wordCount()).isLessThan(200);
    assertThat(r.notes()).anyMatch(n -> n.contains("truncated")).anyMatch(n -> n.contains("style keywords added"))
        .anyMatch(n -> n.contains("char-1 description added"));
    assertThat(r.prompts()).allMatch(x -> x.styleKeywords().equals(keywords));
  }

  @Test
  void refusesEmptyPromptAndIncompleteMetadata() {
    List<GeneratedClipPrompt> p = valid();
    p.set(1, prompt(1, " ", 4, ""));
    assertThat(validate(p).refusal()).contains("clip 1: empty prompt");
    List<GeneratedClipPrompt> q = valid();
    GeneratedClipPrompt g = q.get(2);
    q.set(2, new GeneratedClipPrompt(2, g.prompt(), negative, 4, "", List.of(), 3, keywords, null, List.of(), null, false));
    assertThat(validate(q).refusal()).contains("metadata incomplete");
  }
}
