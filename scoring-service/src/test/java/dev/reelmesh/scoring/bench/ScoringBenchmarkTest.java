package dev.reelmesh.scoring.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs {@link ScoringBenchmark} through surefire; excluded from normal builds by its tag. */
@Tag("benchmark")
class ScoringBenchmarkTest {
  @Test
  void benchmark() throws Exception {
    ScoringBenchmark.main(new String[] {System.getProperty("scoring.bench.passes", "4")});
  }
}
