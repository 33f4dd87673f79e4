package dev.reelmesh.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.diagnostics.Check;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmDiagnosticsTest {
  @Test
  void reportsEngineWithoutLeakingSecrets() {
    List<Check> checks = LlmDiagnostics.run(Map.of("OPENAI_API_KEY", "sk-secret-123",
        "OPENAI_BASE_URL", "https://user:pw@llm.example:8443/v1", "REELMESH_LLM_MODEL", "gpt-4o-mini"));
    assertThat(checks).extracting(Check::detail).noneMatch(d -> d.contains("sk-secret") || d.contains("pw"));
    assertThat(checks).anyMatch(c -> c.name().equals("OPENAI_BASE_URL") && c.detail().equals("https://llm.example:8443/v1"));
    assertThat(checks).anyMatch(c -> c.name().equals("OPENAI_API_KEY") && c.detail().contains("model gpt-4o-mini"));
  }

  @Test
  void keyAloneIsOneCheck() {
    assertThat(LlmDiagnostics.run(Map.of("OPENAI_API_KEY", "sk-x"))).singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo(Check.Outcome.OK));
    assertThat(LlmDiagnostics.run(Map.of())).singleElement();
  }

  @Test
  void offlineWithoutKeyAndBadBaseUrlFails() {
    assertThat(LlmDiagnostics.run(Map.of())).anyMatch(c -> c.outcome() == Check.Outcome.OPTIONAL);
    assertThat(LlmDiagnostics.run(Map.of("OPENAI_BASE_URL", "localhost:1234")))
        .anyMatch(c -> c.name().equals("OPENAI_BASE_URL") && c.outcome() == Check.Outcome.FAIL);
  }

  @Test
  void unknownModelsShowTheAssumedPriceAndABadDeclaredPriceFails() {
    assertThat(LlmDiagnostics.run(Map.of("OPENAI_API_KEY", "sk-x", "REELMESH_LLM_MODEL", "llama3.1:8b")))
        .anyMatch(c -> c.name().equals("REELMESH_LLM_PRICE") && c.detail().contains("$10.000 / $30.000")
            && c.detail().contains("dearest"));
    assertThat(LlmDiagnostics.run(Map.of("OPENAI_API_KEY", "sk-x", "REELMESH_LLM_MODEL", "llama3.1:8b",
        "REELMESH_LLM_PRICE", "0/0"))).anyMatch(c -> c.name().equals("REELMESH_LLM_PRICE")
            && c.detail().contains("$0.000 / $0.000"));
    assertThat(LlmDiagnostics.run(Map.of("REELMESH_LLM_PRICE", "cheap")))
        .anyMatch(c -> c.name().equals("REELMESH_LLM_PRICE") && c.outcome() == Check.Outcome.FAIL
            && c.detail().contains("'cheap'"));
  }
}
