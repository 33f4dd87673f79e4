package dev.reelmesh.orchestrator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The build removes real provider keys and databases from the test JVM (orchestrator/pom.xml). */
class TestEnvironmentTest {
  @Test
  void noRealProviderKeyOrDatabaseReachesTheTests() {
    for (String name : new String[] {"OPENAI_API_KEY", "OPENAI_BASE_URL", "REPLICATE_API_TOKEN",
        "REELMESH_DATABASE_URL"}) {
      assertThat(System.getenv(name)).as(name).isNull();
    }
  }
}
