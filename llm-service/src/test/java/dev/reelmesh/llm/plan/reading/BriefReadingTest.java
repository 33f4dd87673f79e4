package dev.reelmesh.llm.plan.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BriefReadingTest {
  @Test
  void formatWordsAreSetApartFromTheContent() {
    BriefReading r = BriefReading.of("15 second vertical clip for Instagram: a paper boat drifting on a rainy puddle", "");
    assertThat(r.subject()).isEqualTo("paper boat");
    assertThat(r.subjectNoun()).isEqualTo("boat");
    assertThat(r.action()).isEqualTo("drifting on a rainy puddle");
    assertThat(r.formatWords()).contains("15 second", "vertical", "clip", "Instagram");
    assertThat(r.platform()).isEqualTo("instagram");
    assertThat(r.weather()).isEqualTo("rain");
    assertThat(r.setting().kind()).isEqualTo(LocationKind.STREET);
    assertThat(r.contentWords()).containsExactly("paper", "boat", "drifting", "rainy", "puddle");
  }

  @Test
  void aBrandAndWhatItIs() {
    BriefReading r = BriefReading.of("a 20-second explainer for Spoke & Chain, a bicycle repair shop in Lisbon", "");
    assertThat(r.brand()).isEqualTo("Spoke & Chain");
    assertThat(r.subject()).isEqualTo("bicycle repair shop");
    assertThat(r.subjectKind()).isEqualTo(SubjectKind.PLACE);
    assertThat(r.purpose()).isEqualTo("explainer");
    assertThat(r.setting().kind()).isEqualTo(LocationKind.SHOP_INTERIOR);
    assertThat(r.setting().placeName()).isEqualTo("Lisbon");
  }

  @Test
  void theProductAnAdIsForWithItsColour() {
    BriefReading r = BriefReading.of("30-second ad for a red ceramic mug on a wooden desk, cosy winter morning", "");
    assertThat(r.subject()).isEqualTo("red ceramic mug");
    assertThat(r.product()).isEqualTo("red ceramic mug");
    assertThat(r.colours()).containsExactly(new NamedColour("red", "#E63946", "mug"));
    assertThat(r.mood()).isEqualTo("cosy");
    assertThat(r.timeOfDay()).isEqualTo("morning");
    assertThat(r.season()).isEqualTo("winter");
    assertThat(r.setting().features()).contains("wooden desk");
  }

  @Test
  void aFishermanAndHisGranddaughterAreTwoPeopleWhoRelate() {
    BriefReading r = BriefReading.of("an old fisherman and his granddaughter mending nets on a harbour at sunrise", "");
    assertThat(r.cast()).hasSize(2);
    CastMember fisherman = r.cast().get(0);
    CastMember girl = r.cast().get(1);
    assertThat(fisherman.role()).isEqualTo("fisherman");
    assertThat(fisherman.age()).isEqualTo(AgeGroup.OLDER);
    assertThat(fisherman.gender()).isEqualTo(Gender.MALE);
    assertThat(girl.age()).isEqualTo(AgeGroup.CHILD);
    assertThat(girl.gender()).isEqualTo(Gender.FEMALE);
    assertThat(girl.relation()).isEqualTo("granddaughter");
    assertThat(girl.relatedTo()).isZero();
    assertThat(r.action()).isEqualTo("mending nets on a harbour");
    assertThat(r.setting().kind()).isEqualTo(LocationKind.HARBOUR);
  }

  @Test
  void anOpeningImperativeIsNotTheSubject() {
    BriefReading r = BriefReading.of("Show a barista making a perfect latte at dawn in a small corner café", "");
    assertThat(r.subject()).isEqualTo("perfect latte");
    assertThat(r.cast()).extracting(CastMember::role).containsExactly("barista");
    assertThat(r.formatWords()).contains("Show");
    assertThat(r.setting().name()).isEqualTo("small corner café");
    assertThat(r.timeOfDay()).isEqualTo("dawn");
  }

  @Test
  void aLoopForAnAppShowsItsSceneAndKeepsItsCalm() {
    BriefReading r = BriefReading.of("a calm 12-second square loop for a meditation app: waves rolling under a lighthouse at dusk", "");
    assertThat(r.subject()).isEqualTo("waves");
    assertThat(r.subjectPlural()).isTrue();
    assertThat(r.product()).isEqualTo("meditation app");
    assertThat(r.mood()).isEqualTo("calm");
    assertThat(r.purpose()).isEqualTo("loop");
    assertThat(r.formatWords()).contains("square", "loop");
    assertThat(r.setting().kind()).isEqualTo(LocationKind.SEA);
  }

  @Test
  void aGivenProductDescriptionIsTheSubject() {
    BriefReading r = BriefReading.of("A 30-second ad, warm morning light in a kitchen", "ceramic pour-over kettle");
    assertThat(r.subject()).isEqualTo("ceramic pour-over kettle");
    assertThat(r.lighting()).isEqualTo("warm morning light");
    assertThat(r.setting().kind()).isEqualTo(LocationKind.KITCHEN);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      a 20-second explainer for Spoke & Chain, a bicycle repair shop | SHOP_INTERIOR
      30-second ad for a red ceramic mug on a wooden desk, cosy winter morning | ROOM
      teaser for a sci-fi podcast: a lone astronaut walking across a red desert planet | DESERT
      60-second product launch for noise-cancelling headphones, commuter on a crowded train | VEHICLE_INTERIOR
      kids' birthday party invitation video with balloons, a chocolate cake and a puppy | ROOM
      a hummingbird hovering at a red feeder in slow motion, macro | PARK
      real-estate walkthrough of a bright two-bedroom flat with a balcony overlooking a park | ROOM
      Recipe short, 20s, 9:16 — fresh tomato pasta in a cast-iron pan, steam rising | KITCHEN
      a mountain biker racing down a forest trail after rain, GoPro feel | FOREST
      wedding save-the-date: a couple dancing under fairy lights in a vineyard | COUNTRYSIDE
      a 45 second recruiting video for a robotics start-up: engineers testing a robot arm in a lab | LAB
      travel reel: tuk-tuks, night market lanterns and street food in Bangkok | STREET
      a cat knocking a glass of water off a kitchen table, comic timing | KITCHEN
      NGO appeal: a girl carrying a water jug along a dry riverbed, hopeful ending | COUNTRYSIDE
      launch of a blue electric pickup truck towing a sailboat to a lake at golden hour | LAKE
      an astronaut floating in space above a blue planet | SPACE
      a dad and his daughter flying a kite on a windy beach | BEACH
      a bicycle leaning on a wall | STREET
      """)
  void theSettingKindFollowsTheBrief(String brief, LocationKind kind) {
    assertThat(BriefReading.of(brief, "").setting().kind()).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource({"drifting,drift", "making,make", "running,run", "carrying,carry", "dancing,dance",
      "rising,rise", "hovering,hover", "mending,mend", "using,use", "towing,tow", "sitting,sit",
      "racing,race", "knocking,knock", "visiting,visit", "moving,move", "pouring,pour"})
  void verbsMadeFinite(String ing, String base) {
    assertThat(Grammar.stem(ing)).isEqualTo(base);
  }

  @Test
  void numberAgreementAndArticles() {
    assertThat(Grammar.finite("drifting on a puddle", false)).isEqualTo("drifts on a puddle");
    assertThat(Grammar.finite("rolling under a lighthouse", true)).isEqualTo("roll under a lighthouse");
    assertThat(Grammar.finite("carrying a jug", false)).isEqualTo("carries a jug");
    assertThat(Grammar.withArticle("old fisherman")).isEqualTo("an old fisherman");
    assertThat(Grammar.withArticle("useful app")).isEqualTo("a useful app");
    assertThat(Grammar.singular("tuk-tuks")).isEqualTo("tuk-tuk");
    assertThat(Grammar.isPlural("glass")).isFalse();
    assertThat(Grammar.isPlural("headphones")).isTrue();
  }
}
