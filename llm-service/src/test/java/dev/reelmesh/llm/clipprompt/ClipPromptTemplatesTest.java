package dev.reelmesh.llm.clipprompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanClip;
import dev.reelmesh.llm.plan.PlanStyle;
import dev.reelmesh.llm.plan.VideoFamily;
import dev.reelmesh.llm.testing.Plans;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipPromptTemplatesTest {
  private final Plan plan = Plans.plan(3, 4);
  private final List<String> keywords = StyleKeywords.extract(plan.style());
  private final ClipReferences textOnly = new ClipReferences("", List.of(), ReferenceMode.TEXT_ONLY, false);

  @Test
  void fragmentsComeInTheOrderOfThePrd() {
    String p = ClipPromptTemplates.build(plan, plan.clips().get(0), textOnly, keywords, VideoFamily.GENERIC);
    int action = p.indexOf("A lone figure");
    int motion = p.indexOf("rain falls");
    int camera = p.indexOf("push-in camera");
    int style = p.indexOf("in a cyberpunk style that feels melancholic");
    int palette = p.indexOf("cyan, magenta and black colour palette");
    int lighting = p.indexOf("neon lighting, high contrast");
    int quality = p.indexOf("highly detailed");
    assertThat(List.of(action, motion, camera, style, palette, lighting, quality)).doesNotContain(-1).isSorted();
    assertThat(p).contains("Mara is young woman in a futuristic jacket").doesNotContain("http");
  }

  @Test
  void beatIntensityShapesMotionWording() {
    String calm = ClipPromptTemplates.build(plan, plan.clips().get(0), textOnly, keywords, VideoFamily.GENERIC);
    String peak = ClipPromptTemplates.build(plan, plan.clips().get(2), textOnly, keywords, VideoFamily.GENERIC);
    assertThat(calm).contains("rain falls past neon signs, slow, gentle pacing");
    assertThat(peak).contains("rain falls past neon signs, fast, energetic pacing");
  }

  @Test
  void missingFieldsGetDefaultsByBeatIntensity() {
    PlanClip bare = new PlanClip(0, 0, 4, "", "", "", List.of(), "", "", 0.9f);
    String p = ClipPromptTemplates.build(plan, bare, textOnly, keywords, VideoFamily.GENERIC);
    assertThat(p).startsWith(ClipPromptTemplates.DEFAULT_ACTION).contains("dynamic tracking shot, handheld camera");
    PlanClip calm = new PlanClip(0, 0, 4, "A field", "", "", List.of(), "", "", 0.1f);
    assertThat(ClipPromptTemplates.build(plan, calm, textOnly, keywords, VideoFamily.GENERIC))
        .contains("static camera, slow subtle movement");
  }

  @Test
  void referenceHintIsTextNeverTheUrl() {
    ClipReferences scene = new ClipReferences("https://x.test/s.png", List.of("https://x.test/c.png"), ReferenceMode.SCENE, false);
    String p = ClipPromptTemplates.build(plan, plan.clips().get(0), scene, keywords, VideoFamily.GENERIC);
    assertThat(p).endsWith("match the look and composition of the established scene reference image, "
        + "keep character appearance consistent with earlier shots").doesNotContain("x.test");
  }

  @Test
  void soraFamilyGetsSingleShotPromptsFromTheAssembler() {
    String p = ClipPromptTemplates.build(plan, plan.clips().get(0), textOnly, keywords, VideoFamily.SORA);
    assertThat(Words.count(p)).isBetween(20, 45);
    assertThat(p).startsWith("A lone figure walks through rain-slicked streets with young woman in a futuristic jacket")
        .contains("one continuous four-second shot")
        .contains("push-in");
  }

  @Test
  void longPromptsAreTruncatedBelowTheFamilyCapWithEllipsis() {
    String longVisual = "a very detailed scene ".repeat(80);
    PlanClip clip = plan.clips().get(1).withVisual(longVisual);
    String generic = ClipPromptTemplates.build(plan, clip, textOnly, keywords, VideoFamily.GENERIC);
    assertThat(Words.count(generic)).isLessThan(200);
    assertThat(generic).endsWith("…");
    assertThat(Words.count(ClipPromptTemplates.build(plan, clip, textOnly, keywords, VideoFamily.SVD))).isLessThanOrEqualTo(150);
  }

  /** A plan as sparse as a planner may give: a few words per clip, no motion, camera or cast. */
  private static Plan sparse() {
    List<PlanClip> clips = List.of(new PlanClip(0, 0, 4, "A field", "", "", List.of(), "", "", 0.2f),
        new PlanClip(1, 4, 8, "A red kite", "", "", List.of(), "", "", 0.8f));
    return new Plan("Kite", "a kite", 8, "16:9", new PlanStyle("minimal", "", "", "", List.of(), ""), clips,
        List.of(), List.of(), "", false, 1);
  }

  @Test
  void promptLengthFollowsTheTargetFamilyAtBothEndsEvenOnASparsePlan() {
    for (Plan p : List.of(sparse(), plan)) {
      List<String> k = StyleKeywords.extract(p.style());
      for (PlanClip clip : p.clips()) {
        String svd = ClipPromptTemplates.build(p, clip, textOnly, k, VideoFamily.SVD);
        String cog = ClipPromptTemplates.build(p, clip, textOnly, k, VideoFamily.COGVIDEOX);
        String generic = ClipPromptTemplates.build(p, clip, textOnly, k, VideoFamily.GENERIC);
        assertThat(Words.count(svd)).as(svd).isBetween(50, 150);
        assertThat(Words.count(cog)).as(cog).isBetween(100, 199);
        assertThat(cog).isNotEqualTo(generic).isNotEqualTo(svd);
        assertThat(cog.split("\\. ").length).as("narrative sentences").isGreaterThanOrEqualTo(5);
        assertThat(svd.split("\\. ").length).as("one directive list").isEqualTo(1);
      }
    }
  }

  @Test
  void theGeneratorValidatesEveryFamilyWithinItsRange() {
    var router = new dev.reelmesh.llm.engine.EngineRouter(new dev.reelmesh.llm.engine.offline.OfflineEngine(),
        new dev.reelmesh.llm.engine.offline.OfflineEngine());
    for (VideoFamily family : List.of(VideoFamily.SVD, VideoFamily.COGVIDEOX)) {
      PromptLength length = PromptLength.of(family);
      ClipPromptSet set = new ClipPromptGenerator(router).generate(sparse(), List.of(), family, true).value();
      assertThat(set.prompts()).allSatisfy(g -> assertThat(g.wordCount()).isBetween(length.min(), length.max()));
    }
  }

  @Test
  void aPromptBelowTheFamilyMinimumIsRefusedByTheValidator() {
    Plan p = sparse();
    List<String> k = StyleKeywords.extract(p.style());
    List<GeneratedClipPrompt> shortOnes = p.clips().stream().map(c -> new GeneratedClipPrompt(c.index(),
        "a kite in a minimal style", "", c.durationSeconds(), "", List.of(), 6, k, "", List.of(),
        ReferenceMode.TEXT_ONLY, false)).toList();
    ValidationResult r = ClipPromptValidator.validate(p, shortOnes, k, "", PromptLength.of(VideoFamily.SVD));
    assertThat(r.accepted()).isFalse();
    assertThat(r.refusal()).contains("clip 0").contains("below the 50-word minimum");
  }

  @Test
  void aSoraShotThatNeededARepairSaysSoInTheNotes() {
    List<PlanClip> clips = new java.util.ArrayList<>(plan.clips());
    clips.set(1, clips.get(1).withVisual("A dancer spins as the camera zooms in"));
    Plan zoomy = new Plan(plan.title(), plan.brief(), plan.durationSeconds(), plan.aspectRatio(), plan.style(), clips,
        plan.characters(), plan.locations(), "", plan.characterConsistency(), plan.seed());
    var router = new dev.reelmesh.llm.engine.EngineRouter(new dev.reelmesh.llm.engine.offline.OfflineEngine(),
        new dev.reelmesh.llm.engine.offline.OfflineEngine());
    ClipPromptSet set = new ClipPromptGenerator(router).generate(zoomy, List.of(), VideoFamily.SORA, true).value();
    assertThat(set.validationNotes()).anyMatch(n -> n.startsWith("clip 1: shot repaired:") && n.contains("zoom"));
    assertThat(set.prompts().get(1).prompt()).doesNotContain("zoom");
  }
}
