package dev.reelmesh.scoring.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs {@link KindsBenchmark} through surefire; excluded from normal builds by its tag. */
@Tag("benchmark")
class KindsBenchmarkTest {
  @Test
  void benchmark() throws Exception {
    KindsBenchmark.main(new String[0]);
  }
}
