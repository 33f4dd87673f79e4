package dev.reelmesh.llm.enhance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.llm.engine.offline.OfflineEngine;
import dev.reelmesh.llm.testing.Plans;
import org.junit.jupiter.api.Test;

class EnhanceLoopTest {
  private final RubricCritic critic = new RubricCritic();
  private final EnhanceContext plain = new EnhanceContext(null, false, "");

  @Test
  void rubricRewardsEachCriterion() {
    Critique bare = critic.critique("a kettle", plain);
    Critique rich = critic.critique("Cinematic close-up of a ceramic kettle on a wooden counter, steam rising,"
        + " soft golden window light, calm morning atmosphere, cream and amber tones", plain);
    assertThat(bare.score()).isLessThan(30);
    assertThat(bare.missing()).contains("subject", "lighting", "composition");
    assertThat(rich.score()).isEqualTo(100);
  }

  @Test
  void loopImprovesUntilTargetAndRecordsRounds() throws Exception {
    EnhanceRequest request = EnhanceRequest.validated("a kettle on a table", new EnhanceContext(Plans.CYBERPUNK, true, "start frame"), 0, 0);
    EnhanceResult r = EnhanceLoop.run(new OfflineEngine(), request).value();
    assertThat(r.stopReason()).isEqualTo("target_reached");
    assertThat(r.finalScore()).isGreaterThanOrEqualTo(85);
    assertThat(r.rounds()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    assertThat(r.rounds()).extracting(EnhanceResult.Round::criticScore).isSorted();
    assertThat(r.enhancedPrompt()).startsWith("Start frame: a kettle on a table").contains("cyberpunk")
        .contains("reference image");
  }

  @Test
  void stopsAtMaxRounds() throws Exception {
    EnhanceRequest request = EnhanceRequest.validated("kettle", plain, 1, 100);
    EnhanceResult r = EnhanceLoop.run(new OfflineEngine(), request).value();
    assertThat(r.rounds()).hasSize(1);
    assertThat(r.stopReason()).isEqualTo("max_rounds");
  }

  @Test
  void alreadyGoodPromptNeedsNoRound() throws Exception {
    String good = "Cinematic close-up of a ceramic kettle on a wooden counter, steam rising, soft golden"
        + " window light, calm morning atmosphere, cream and amber tones";
    EnhanceResult r = EnhanceLoop.run(new OfflineEngine(), EnhanceRequest.validated(good, plain, 0, 0)).value();
    assertThat(r.rounds()).isEmpty();
    assertThat(r.enhancedPrompt()).isEqualTo(good);
    assertThat(r.stopReason()).isEqualTo("target_reached");
  }

  @Test
  void theTraceHoldsTheOriginalEachRoundAndTheSummary() throws Exception {
    EnhanceRequest request = EnhanceRequest.validated("a kettle on a table", plain, 0, 0);
    EnhanceResult r = EnhanceLoop.run(new OfflineEngine(), request).value();
    EnhanceTrace trace = EnhanceTrace.of(request, r, dev.reelmesh.llm.engine.EngineReport.offline());
    assertThat(trace.files()).hasSize(2 + 2 * r.rounds().size() + 2);
    assertThat(trace.files().get(0).content()).isEqualTo("a kettle on a table");
    assertThat(trace.originalScore()).isEqualTo(critic.critique("a kettle on a table", plain).score());
    assertThat(trace.files().get(trace.files().size() - 2).content()).isEqualTo(r.enhancedPrompt());
    var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(trace.summaryJson());
    assertThat(summary.path("stop_reason").asText()).isEqualTo(r.stopReason());
    assertThat(summary.path("engine").asText()).isEqualTo("offline-template");
    assertThat(summary.path("rounds").size()).isEqualTo(r.rounds().size());
  }
}
