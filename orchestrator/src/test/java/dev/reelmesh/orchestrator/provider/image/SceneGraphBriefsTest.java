package dev.reelmesh.orchestrator.provider.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.provider.image.animatic.scene.Age;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.Pose;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneGraph;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.SettingKind;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.ScenePlan;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Briefs as people write them, across domains: each frame's scene graph holds the brief's
 * subject (as the pictogram its noun names), its setting and its people, and no two briefs give
 * the same scene.
 */
class SceneGraphBriefsTest {
  /** brief, CLDR name of the subject's pictogram (null: the people are the subject), setting, roles. */
  record Case(String domain, String brief, String subject, SettingKind setting,
      List<String> roles) {}

  static final List<Case> CASES = List.of(
      new Case("product", "30-second ad for a red ceramic mug on a wooden desk, cosy winter "
          + "morning", "hot beverage", SettingKind.OFFICE, List.of()),
      new Case("product", "60-second product launch for noise-cancelling headphones, commuter "
          + "on a crowded train", "headphone", SettingKind.TRAIN, List.of("commuter")),
      new Case("vehicle", "launch of a blue electric pickup truck towing a sailboat to a lake at "
          + "golden hour", "delivery truck", SettingKind.SEA, List.of()),
      new Case("food", "Show a barista making a perfect latte at dawn in a small corner café",
          "hot beverage", SettingKind.CAFE, List.of("barista")),
      new Case("food", "Recipe short, 20s, 9:16 — fresh tomato pasta in a cast-iron pan, steam "
          + "rising", "spaghetti", SettingKind.KITCHEN, List.of()),
      new Case("food", "kids' birthday party invitation video with balloons, a chocolate cake "
          + "and a puppy", "balloon", SettingKind.ROOM, List.of("kid", "kid")),
      new Case("animal", "a cat knocking a glass of water off a kitchen table, comic timing",
          "cat", SettingKind.KITCHEN, List.of()),
      new Case("animal", "a hummingbird hovering at a red feeder in slow motion, macro", "bird",
          SettingKind.PARK, List.of()),
      new Case("animal", "a golden retriever puppy chasing bubbles on a beach", "dog face",
          SettingKind.BEACH, List.of()),
      new Case("animal", "dolphins leaping out of the ocean at sunset", "dolphin",
          SettingKind.SEA, List.of()),
      new Case("vehicle", "a mountain biker racing down a forest trail after rain, GoPro feel",
          "bicycle", SettingKind.FOREST, List.of("biker")),
      new Case("vehicle", "a red vintage motorcycle parked on a city street at night",
          "motorcycle", SettingKind.STREET, List.of()),
      new Case("place", "travel reel: tuk-tuks, night market lanterns and street food in "
          + "Bangkok", "red paper lantern", SettingKind.MARKET, List.of()),
      new Case("place", "real-estate walkthrough of a bright two-bedroom flat with a balcony "
          + "overlooking a park", null, SettingKind.ROOM, List.of()),
      new Case("place", "15 second vertical clip for Instagram: a paper boat drifting on a rainy "
          + "puddle", "sailboat", SettingKind.SEA, List.of()),
      new Case("place", "a 20-second explainer for Spoke & Chain, a bicycle repair shop in "
          + "Lisbon", "bicycle", SettingKind.SHOP, List.of()),
      new Case("people", "an old fisherman and his granddaughter mending nets on a harbour at "
          + "sunrise", "fishing pole", SettingKind.HARBOUR, List.of("fisherman", "granddaughter")),
      new Case("people", "wedding save-the-date: a couple dancing under fairy lights in a "
          + "vineyard", null, SettingKind.VINEYARD, List.of("couple", "couple")),
      new Case("people", "NGO appeal: a girl carrying a water jug along a dry riverbed, hopeful "
          + "ending", "amphora", SettingKind.DESERT, List.of("girl")),
      new Case("people", "a 45 second recruiting video for a robotics start-up: engineers "
          + "testing a robot arm in a lab", "robot", SettingKind.LAB,
          List.of("engineer", "engineer")),
      new Case("people", "teaser for a sci-fi podcast: a lone astronaut walking across a red "
          + "desert planet", "rocket", SettingKind.DESERT, List.of("astronaut")),
      new Case("app", "explainer: how our budgeting app helps students track coffee spending, "
          + "playful tone", "mobile phone", SettingKind.ROOM, List.of("student", "student")),
      new Case("app", "a 20 second ad for a fitness tracking app with a runner in a park at "
          + "sunrise", "mobile phone", SettingKind.PARK, List.of("runner")),
      new Case("software", "a 30-second demo of our photo editing software on a laptop in a "
          + "bright studio", "laptop", SettingKind.ROOM, List.of()),
      new Case("nature", "autumn leaves falling in a quiet forest, slow and calm", "maple leaf",
          SettingKind.FOREST, List.of()),
      new Case("nature", "a sunflower field swaying under a stormy sky", "sunflower",
          SettingKind.PARK, List.of()));

  static List<SceneGraph> frames(ScenePlan plan, int clip) {
    return AnimaticImageProvider.scenes(PlanFixtures.request(plan, clip, FrameKind.FRAME_KIND_START,
        4, new FrameSize(320, 180), 11, null, Path.of("unused")));
  }

  @Test
  void everyFrameShowsTheBriefsSubjectSettingAndPeople() {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(20);
    assertThat(CASES.stream().map(Case::domain).distinct()).hasSizeGreaterThanOrEqualTo(8);
    for (Case c : CASES) {
      ScenePlan plan = PlanFixtures.plan(c.brief());
      for (int clip = 0; clip < plan.getClipsCount(); clip++) {
        for (SceneGraph frame : frames(plan, clip)) {
          String where = c.brief() + " / clip " + clip + " / " + frame.composition();
          assertThat(frame.setting()).as(where).isEqualTo(c.setting());
          if (c.subject() == null) {
            assertThat(frame.subject()).as(where).isNull();
            assertThat(frame.figures()).as(where + ": the people are the subject").isNotEmpty();
          } else {
            assertThat(frame.subject()).as(where).isNotNull();
            assertThat(frame.subject().pictogram().name()).as(where).isEqualTo(c.subject());
            assertThat(frame.subject().pictogram().isPlaceholder()).isFalse();
          }
          List<String> drawn = new java.util.ArrayList<>(frame.props().stream()
              .map(p -> p.pictogram().name()).toList());
          if (frame.subject() != null) {
            drawn.add(frame.subject().pictogram().name());
          }
          assertThat(drawn).as(where + ": each thing drawn once").doesNotHaveDuplicates();
          boolean planCast = !plan.getClips(clip).getCharacterIdsList().isEmpty();
          List<String> names = frame.figures().stream().map(f -> f.spec().name()).toList();
          List<String> roles = frame.figures().stream().map(f -> f.spec().role()).toList();
          if (planCast) {
            assertThat(names).as(where + ": the plan's hero").contains("Maya");
            assertThat(roles).as(where + ": the brief's people").containsAll(c.roles());
            assertThat(roles).as(where).hasSize(Math.max(1, c.roles().size()));
          }
        }
      }
    }
  }

  @Test
  void differentBriefsGiveDifferentScenes() {
    Set<String> seen = new HashSet<>();
    for (Case c : CASES) {
      SceneGraph f = frames(PlanFixtures.plan(c.brief()), 0).get(0);
      String signature = f.setting() + "|" + (f.subject() == null ? "-"
          : f.subject().pictogram().name()) + "|" + f.props().stream()
          .map(p -> p.pictogram().name()).toList() + "|" + f.figures().stream()
          .map(x -> x.spec().role()).toList() + "|" + f.light() + "|" + f.weather();
      assertThat(seen.add(signature)).as("%s: %s", c.brief(), signature).isTrue();
    }
  }

  @Test
  void readsAgesPosesColoursLightAndWeatherFromTheBrief() {
    SceneGraph fisher = frames(PlanFixtures.plan(CASES.get(16).brief()), 0).get(0);
    assertThat(fisher.figures()).extracting(f -> f.spec().age())
        .containsExactly(Age.ELDER, Age.CHILD);
    assertThat(fisher.figures()).allMatch(f -> f.spec().pose() == Pose.WORKING);
    assertThat(fisher.figures().get(0).spec().top())
        .as("the plan's look: denim jacket").isNotEqualTo(fisher.figures().get(1).spec().top());
    assertThat(fisher.light()).isEqualTo("dawn");
    SceneGraph mug = frames(PlanFixtures.plan(CASES.get(0).brief()), 0).get(0);
    assertThat(mug.subject().colour().getRed()).as("a red mug").isGreaterThan(150);
    assertThat(mug.subject().colour().getGreen()).isLessThan(90);
    assertThat(mug.weather()).isEqualTo("snow");
    SceneGraph biker = frames(PlanFixtures.plan(CASES.get(10).brief()), 0).get(0);
    assertThat(biker.figures().get(0).spec().pose()).isEqualTo(Pose.RIDING);
    assertThat(biker.weather()).isEqualTo("rain");
    SceneGraph couple = frames(PlanFixtures.plan(CASES.get(17).brief()), 0).get(0);
    assertThat(couple.figures()).allMatch(f -> f.spec().pose() == Pose.DANCING);
    SceneGraph girl = frames(PlanFixtures.plan(CASES.get(18).brief()), 0).get(0);
    assertThat(girl.figures().get(0).spec().age()).isEqualTo(Age.CHILD);
    assertThat(girl.figures().get(0).spec().pose()).isEqualTo(Pose.CARRYING);
  }

  @Test
  void aNounNoPictogramMatchesGetsAReportedPlaceholder() {
    SceneGraph f = frames(PlanFixtures.plan("an ad for a zorblat in a kitchen"), 0).get(0);
    assertThat(f.subject().pictogram().isPlaceholder()).isTrue();
    assertThat(f.subject().pictogram().noun()).isEqualTo("zorblat");
    assertThat(SceneJson.of(List.of(f), false).get("subject").toString())
        .contains("placeholder=true").contains("zorblat");
  }
}
