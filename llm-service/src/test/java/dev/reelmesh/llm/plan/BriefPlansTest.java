package dev.reelmesh.llm.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.llm.clipprompt.PaletteNames;
import dev.reelmesh.llm.plan.reading.AgeGroup;
import dev.reelmesh.llm.plan.reading.Gender;
import dev.reelmesh.llm.plan.reading.LocationKind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The briefs, planned: what a new user sees first. */
class BriefPlansTest {
  private static Plan plan(String brief, double seconds) {
    return PlansFromBriefsTest.plan(brief, seconds);
  }

  @Test
  void aFishermanAndHisGranddaughterAreTwoCharactersOfTheirAges() {
    Plan plan = plan("an old fisherman and his granddaughter mending nets on a harbour at sunrise", 20);
    assertThat(plan.characters()).hasSize(2);
    PlanCharacter fisherman = plan.characters().get(0);
    PlanCharacter girl = plan.characters().get(1);
    assertThat(fisherman.age()).isEqualTo(AgeGroup.OLDER);
    assertThat(fisherman.gender()).isEqualTo(Gender.MALE);
    assertThat(fisherman.description()).startsWith("an old fisherman").contains("seventies");
    assertThat(girl.age()).isEqualTo(AgeGroup.CHILD);
    assertThat(girl.relation()).isEqualTo("granddaughter");
    assertThat(girl.relatedTo()).isEqualTo(fisherman.id());
    assertThat(girl.description()).startsWith("a girl of about").contains(fisherman.name() + "'s granddaughter");
    assertThat(girl.clothingColours()).isNotEmpty().allMatch(h -> h.matches("#[0-9A-F]{6}"));
    assertThat(plan.locations().get(0).kind()).isEqualTo(LocationKind.HARBOUR);
    assertThat(plan.clips()).anyMatch(c -> c.characterIds().containsAll(Set.of(fisherman.id(), girl.id()))
        && c.action().startsWith("mending nets"));
  }

  @Test
  void aRedMugGetsRedAndACosyLook() {
    Plan plan = plan("a 30-second ad for a red ceramic mug", 30);
    assertThat(plan.style().palette()).contains("#E63946");
    assertThat(PaletteNames.describe(plan.style().palette())).contains("red");
    assertThat(plan.title()).isEqualTo("Red ceramic mug");
    assertThat(plan.clips().get(plan.clips().size() - 1).narration()).contains("red ceramic mug");
    Plan cosy = plan("30-second ad for a red ceramic mug on a wooden desk, cosy winter morning", 30);
    assertThat(cosy.style().mood()).isEqualTo("cosy");
    assertThat(cosy.style().lighting()).contains("morning").contains("winter");
  }

  @Test
  void aMeditationLoopIsCalmNotNoir() {
    Plan plan = plan("a calm 12-second square loop for a meditation app: waves rolling under a lighthouse at dusk", 12);
    assertThat(plan.style().visualStyle()).isEqualTo("minimal").isNotEqualTo("noir");
    assertThat(plan.style().mood()).isEqualTo("calm");
    assertThat(plan.clips()).allMatch(c -> c.beatIntensity() <= 0.5f);
    assertThat(plan.clips().get(0).visualDescription()).contains("waves").contains("coast");
    assertThat(plan.clips()).anyMatch(c -> c.narration().contains("meditation app"));
  }

  @Test
  void anExplainerForAShopNamesTheShopAndShowsItAtWork() {
    Plan plan = plan("a 20-second explainer for Spoke & Chain, a bicycle repair shop", 20);
    assertThat(plan.title()).isEqualTo("Spoke & Chain");
    assertThat(plan.reading().subject()).isEqualTo("bicycle repair shop");
    assertThat(plan.locations().get(0).kind()).isEqualTo(LocationKind.SHOP_INTERIOR);
    assertThat(plan.characters()).extracting(PlanCharacter::role).containsExactly("mechanic");
    assertThat(plan.clips()).anyMatch(c -> c.narration().contains("Spoke & Chain"));
    assertThat(plan.clips()).noneMatch(c -> c.narration().startsWith("Try explainer"));
  }

  @Test
  void thePaperBoatIsTheSubjectNotTheClipOrThePlatform() {
    Plan plan = plan("15 second vertical clip for Instagram: a paper boat drifting on a rainy puddle", 15);
    assertThat(plan.title()).isEqualTo("Paper boat");
    assertThat(plan.reading().formatWords()).contains("vertical", "Instagram");
    assertThat(plan.clips().get(0).visualDescription()).contains("paper boat drifting");
    assertThat(plan.clips().get(0).framing()).isEqualTo(Framing.WIDE);
    assertThat(plan.clips()).anyMatch(c -> c.framing() == Framing.CLOSE_UP);
    assertThat(plan.clips()).allMatch(c -> !c.narration().startsWith("Meet vertical"));
  }

  @Test
  void clipsTwoAndThreeAreDifferentBeats() {
    Plan plan = plan("Show a barista making a perfect latte at dawn in a small corner café", 12);
    assertThat(plan.clips().get(1).visualDescription()).isNotEqualTo(plan.clips().get(2).visualDescription());
    assertThat(plan.clips().get(1).beat()).isNotEqualTo(plan.clips().get(2).beat());
    assertThat(plan.clips()).noneMatch(c -> c.visualDescription().contains("uses barista"));
    assertThat(plan.characters().get(0).role()).isEqualTo("barista");
    assertThat(plan.characters().get(0).description()).doesNotContain("a barista in their thirties, a person");
  }

  @Test
  void aTenMinutePlanNeverSaysALineTwice() {
    Plan plan = plan("a 30-second ad for a red ceramic mug", 600);
    assertThat(plan.clips()).hasSize(150);
    Set<String> lines = new HashSet<>();
    long narrated = plan.clips().stream().filter(c -> !c.narration().isEmpty()).count();
    plan.clips().stream().filter(c -> !c.narration().isEmpty())
        .forEach(c -> assertThat(lines.add(NarrationWriter.key(c.narration()))).as(c.narration()).isTrue());
    // Lines run out before ten minutes do; the rest of the clips are left to music, not repeated.
    assertThat(narrated).isGreaterThanOrEqualTo(25);
    assertThat(plan.clips().stream().map(PlanClip::visualDescription).distinct().count()).isEqualTo(150);
  }

  @Test
  void aPeopleFreeSceneGetsNoInventedPerson() {
    assertThat(plan("a waterfall in a misty forest at dawn, calm", 12).characters()).isEmpty();
    assertThat(plan("a hummingbird hovering at a red feeder in slow motion, macro", 12).clips())
        .anyMatch(c -> c.framing() == Framing.MACRO);
  }
}
