package dev.reelmesh.llm.shot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class ShotAssemblerTest {
  private static ShotFragments kettle(String camera, String productUse) {
    return new ShotFragments("a barista in a linen apron", "pours water in a slow spiral",
        "a sunlit corner cafe", productUse, camera, "warm morning window light", "calm and unhurried");
  }

  @Test
  void assemblesOneShotOfTwentyToFortyFiveWordsInTwoSentences() {
    ShotPrompt shot = ShotAssembler.assemble(kettle("push-in", "tilting the kettle to control the pour"), false);
    assertThat(shot.wordCount()).isBetween(20, 45);
    assertThat(shot.sentenceCount()).isBetween(1, 2);
    assertThat(shot.cameraMove()).isEqualTo("push-in");
    assertThat(shot.prompt()).startsWith("A barista in a linen apron pours water")
        .contains("one continuous four-second shot").contains("tilting the kettle");
    assertThat(shot.allPassed()).as(shot.checks().toString()).isTrue();
  }

  @Test
  void clampsCameraMovesToTheNearestOfFour() {
    assertThat(ShotAssembler.assemble(kettle("dolly zoom", ""), false).cameraMove()).isEqualTo("push-in");
    assertThat(ShotAssembler.assemble(kettle("Tracking shot", ""), false).cameraMove()).isEqualTo("glide");
    assertThat(ShotAssembler.assemble(kettle("whip pan", ""), false).cameraMove()).isEqualTo("slow pan");
    ShotPrompt empty = ShotAssembler.assemble(kettle("", ""), false);
    assertThat(empty.cameraMove()).isEqualTo("static");
    assertThat(ShotAssembler.assemble(kettle("dolly zoom", ""), false).sanitizationNotes())
        .contains("camera_move 'dolly zoom' clamped to 'push-in'");
  }

  @Test
  void refusesWordsThatAreNoCameraMove() {
    assertThatThrownBy(() -> ShotAssembler.assemble(kettle("banana", ""), false))
        .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("fragments.camera_move")
        .hasMessageContaining("banana");
    assertThatThrownBy(() -> ShotAssembler.assemble(new ShotFragments(" ", "", "", "", "", "", ""), false))
        .hasMessageContaining("fragments.subject");
  }

  @Test
  void referenceImageGivesSteadierWording() {
    ShotPrompt free = ShotAssembler.assemble(kettle("glide", ""), false);
    ShotPrompt anchored = ShotAssembler.assemble(kettle("glide", ""), true);
    assertThat(free.prompt()).doesNotContain("steady");
    assertThat(anchored.prompt()).contains("steady").contains("reference image");
    assertThat(anchored.checks()).anyMatch(c -> c.name().equals("steady_for_reference") && c.passed());
    assertThat(anchored.wordCount()).isBetween(20, 45);
  }

  @Test
  void sanitisesListsUrlsQuotesCutsAndLooks() {
    ShotFragments messy = new ShotFragments("1. \"the runner\" https://x.test/a.png",
        "- sprints up the stairs then cut to the top", "an old stone stadium at dawn with crowds watching everywhere",
        "sleek shiny shoes gripping each wet step", "slow pan", "cold blue dawn light", "determined");
    ShotPrompt shot = ShotAssembler.assemble(messy, false);
    assertThat(shot.prompt()).doesNotContain("http").doesNotContain("\"").doesNotContain("cut to")
        .doesNotContain("sleek").doesNotContain("1.");
    assertThat(shot.sanitizationNotes()).anyMatch(n -> n.startsWith("setting: clamped from"))
        .anyMatch(n -> n.startsWith("product_use: appearance words removed"));
    assertThat(shot.allPassed()).as(shot.checks().toString()).isTrue();
  }

  @Test
  void shortFragmentsArePaddedToTwentyWordsAndLongOnesShrunkToFortyFive() {
    ShotPrompt tiny = ShotAssembler.assemble(new ShotFragments("a cat", "sleeps", "", "", "static", "", ""), false);
    assertThat(tiny.wordCount()).isBetween(20, 45);
    String seven = "one two three four five six seven";
    ShotPrompt big = ShotAssembler.assemble(new ShotFragments(seven, seven, seven, seven, "glide", seven, seven), true);
    assertThat(big.wordCount()).isBetween(20, 45);
    assertThat(big.sanitizationNotes()).anyMatch(n -> n.startsWith("fragments shortened"));
  }
}
