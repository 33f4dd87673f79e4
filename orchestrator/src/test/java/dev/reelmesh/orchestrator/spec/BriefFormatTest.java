package dev.reelmesh.orchestrator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.JobSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The format a brief states in words fills what the spec leaves unset; explicit fields win. */
class BriefFormatTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "15 second vertical clip for Instagram: a paper boat drifting on a rainy puddle|15|ASPECT_RATIO_9_16",
      "a 20-second explainer for Spoke & Chain, a bicycle repair shop|20|ASPECT_RATIO_16_9",
      "a 30-second ad for a red ceramic mug|30|ASPECT_RATIO_16_9",
      "a two minute tour of a lighthouse, landscape|120|ASPECT_RATIO_16_9",
      "square 10s loop of a candle flame|10|ASPECT_RATIO_1_1",
      "a TikTok about sourdough, 45 seconds|45|ASPECT_RATIO_9_16",
      "a 1.5 minute story about a fisherman|90|ASPECT_RATIO_16_9",
      // A decade or a length over the limit is not a duration; clothing is not a format.
      "a road trip in the 1990s with a man in shorts|30|ASPECT_RATIO_16_9",
      "a 20 minute documentary|30|ASPECT_RATIO_16_9",
  })
  void unsetDurationAndAspectComeFromTheBrief(String brief, double seconds, AspectRatio aspect) {
    JobSpec filled = JobSpecs.validateAndFill(JobSpec.newBuilder().setBrief(brief).build(),
        JobSpecsTest.NO_KEYS);
    assertThat(filled.getDurationSeconds()).isEqualTo(seconds);
    assertThat(filled.getAspectRatio()).isEqualTo(aspect);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "15 second vertical clip of a boat",
      "a square 10s loop",
  })
  void explicitFieldsWin(String brief) {
    JobSpec filled = JobSpecs.validateAndFill(JobSpec.newBuilder().setBrief(brief)
        .setDurationSeconds(8).setAspectRatio(AspectRatio.ASPECT_RATIO_16_9).build(),
        JobSpecsTest.NO_KEYS);
    assertThat(filled.getDurationSeconds()).isEqualTo(8);
    assertThat(filled.getAspectRatio()).isEqualTo(AspectRatio.ASPECT_RATIO_16_9);
  }
}
