package dev.reelmesh.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringConfigTest {
  @Test
  void anEmptyEnvironmentGivesTheDefaults() {
    assertThat(ScoringConfig.fromEnvironment(Map.of())).isEqualTo(ScoringConfig.defaults());
  }

  @Test
  void batchingAndWorkersComeFromTheEnvironment() {
    ScoringConfig config = ScoringConfig.fromEnvironment(Map.of(
        ScoringConfig.MAX_BATCH_ENV, "16", ScoringConfig.BATCH_WAIT_ENV, " 5 ",
        ScoringConfig.WORKERS_ENV, "3"));
    assertThat(config.maxBatch()).isEqualTo(16);
    assertThat(config.maxBatchWait()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.workers()).isEqualTo(3);
    assertThat(config.maxQueued()).isEqualTo(ScoringConfig.defaults().maxQueued());
  }

  @Test
  void malformedValuesAreRefusedByName() {
    assertThatThrownBy(() -> ScoringConfig.fromEnvironment(Map.of(ScoringConfig.MAX_BATCH_ENV, "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("REELMESH_SCORING_MAX_BATCH must be a whole number, got 'lots'");
    assertThatThrownBy(() -> ScoringConfig.fromEnvironment(Map.of(ScoringConfig.MAX_BATCH_ENV, "0")))
        .hasMessage("REELMESH_SCORING_MAX_BATCH must be 1-1024, got 0");
    assertThatThrownBy(() -> ScoringConfig.fromEnvironment(Map.of(ScoringConfig.BATCH_WAIT_ENV, "-1")))
        .hasMessageStartingWith("REELMESH_SCORING_BATCH_WAIT_MS must be 0-1000");
    assertThatThrownBy(() -> ScoringConfig.fromEnvironment(Map.of(ScoringConfig.WORKERS_ENV, "5000")))
        .hasMessage("REELMESH_SCORING_WORKERS must be 1-1024, got 5000");
  }
}
