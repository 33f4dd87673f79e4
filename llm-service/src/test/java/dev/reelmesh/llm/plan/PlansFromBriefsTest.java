package dev.reelmesh.llm.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.llm.clipprompt.ClipPromptTemplates;
import dev.reelmesh.llm.clipprompt.ClipReferences;
import dev.reelmesh.llm.clipprompt.ReferenceMode;
import dev.reelmesh.llm.clipprompt.StyleKeywords;
import dev.reelmesh.llm.plan.reading.Grammar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every brief people write gives a plan about its content, in good sentences, without repeats. */
class PlansFromBriefsTest {
  private static final OfflinePlanner PLANNER = new OfflinePlanner();
  private static final Pattern FORMAT = Pattern.compile("(?i)\\b(?:clip|video|explainer|vertical|square"
      + "|instagram|tiktok|youtube|reel|second|seconds|9:16|teaser|walkthrough)\\b");

  static Stream<String> briefs() throws IOException {
    return Briefs.all().stream();
  }

  static Plan plan(String brief, double seconds) {
    return PLANNER.plan(PlanRequest.validated(brief, seconds, "16:9", "", "", true, 0, 0, VideoFamily.GENERIC));
  }

  @ParameterizedTest
  @MethodSource("briefs")
  void noFormatWordBecomesTheSubjectTitleOrALine(String brief) {
    Plan plan = plan(brief, 30);
    assertThat(plan.reading().subject()).isNotBlank().doesNotContainPattern(FORMAT);
    assertThat(plan.title()).doesNotContainPattern(FORMAT);
    for (PlanClip c : plan.clips()) {
      assertThat(c.narration()).doesNotContainPattern(FORMAT);
      assertThat(c.visualDescription()).doesNotContainPattern(FORMAT);
    }
  }

  @ParameterizedTest
  @MethodSource("briefs")
  void noShotAndNoLineRepeatsWithinAJob(String brief) {
    for (double seconds : new double[] {15, 60, 600}) {
      Plan plan = plan(brief, seconds);
      Set<String> shots = new HashSet<>();
      Set<String> lines = new HashSet<>();
      for (PlanClip c : plan.clips()) {
        assertThat(shots.add(c.visualDescription())).as("shot repeated: %s", c.visualDescription()).isTrue();
        if (!c.narration().isEmpty()) {
          assertThat(lines.add(NarrationWriter.key(c.narration()))).as("line repeated: %s", c.narration()).isTrue();
        }
      }
      assertThat(lines).as("narrated clips of %s s", seconds).hasSizeGreaterThanOrEqualTo(Math.min(plan.clips().size() - 1, 12));
    }
  }

  @ParameterizedTest
  @MethodSource("briefs")
  void linesAreWholeSentencesThatFitTheirClip(String brief) {
    Plan plan = plan(brief, 30);
    for (PlanClip c : plan.clips()) {
      if (c.narration().isEmpty()) {
        continue;
      }
      assertThat(c.narration()).matches("[A-Z0-9].*[.!?]").doesNotContain("  ").doesNotContain("{")
          .doesNotContainPattern("\\b(\\w+) \\1\\b").doesNotContainPattern(" ,|,,|\\.\\.");
      assertThat(Narration.words(c.narration())).isLessThanOrEqualTo(Narration.maxWords(c.durationSeconds()));
    }
  }

  @ParameterizedTest
  @MethodSource("briefs")
  void theBriefsContentWordsReachTheClipPrompts(String brief) {
    Plan plan = plan(brief, 30);
    List<String> keywords = StyleKeywords.extract(plan.style());
    StringBuilder all = new StringBuilder();
    for (PlanClip c : plan.clips()) {
      all.append(ClipPromptTemplates.build(plan, c, new ClipReferences("", List.of(), ReferenceMode.TEXT_ONLY, false),
          keywords, VideoFamily.GENERIC)).append(' ').append(c.narration()).append(' ');
    }
    String text = all.toString().toLowerCase(Locale.ROOT);
    List<String> missing = new ArrayList<>();
    for (String w : plan.reading().contentWords()) {
      String stem = Grammar.isIngVerb(w) ? Grammar.stem(w) : w;
      if (!text.contains(w.toLowerCase(Locale.ROOT)) && !text.contains(stem)) {
        missing.add(w);
      }
    }
    assertThat(plan.reading().contentWords()).isNotEmpty();
    // Mood and hour words travel as style and lighting; nearly every other word is in a prompt.
    assertThat(missing.size()).as("missing %s of %s", missing, plan.reading().contentWords())
        .isLessThanOrEqualTo(plan.reading().contentWords().size() / 5);
  }

  @ParameterizedTest
  @MethodSource("briefs")
  void theBriefsColoursAreInThePaletteAndItsPeopleInTheClips(String brief) {
    Plan plan = plan(brief, 30);
    plan.reading().colours().forEach(c -> assertThat(plan.style().palette()).contains(c.hex()));
    assertThat(plan.style().palette()).hasSizeBetween(3, 6);
    for (PlanCharacter c : plan.characters()) {
      assertThat(plan.clips()).as("%s appears", c.name()).anyMatch(clip -> clip.characterIds().contains(c.id()));
      if (c.age() == dev.reelmesh.llm.plan.reading.AgeGroup.CHILD) {
        assertThat(c.description()).doesNotContainPattern("twenties|thirties|forties|seventies");
      }
    }
    assertThat(plan).isEqualTo(plan(brief, 30));
    PlanInvariants.check(plan, "plan");
  }
}
