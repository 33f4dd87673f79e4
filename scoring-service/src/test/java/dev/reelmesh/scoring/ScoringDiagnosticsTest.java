package dev.reelmesh.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.diagnostics.Check;
import dev.reelmesh.scoring.testing.TinyModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringDiagnosticsTest {
  @TempDir Path dir;

  @Test
  void reportsEachModelAndManifestProblems() {
    TinyModels.install(dir, "clip-vision", 2, TinyModels.VISION_MANIFEST,
        new TinyModels(1).visionModel(), false);
    TinyModels.install(dir, "broken", 1, "{\"kind\":\"nope\"}", new byte[] {1}, false);
    List<Check> checks = ScoringDiagnostics.run(dir);
    assertThat(checks).anySatisfy(c -> {
      assertThat(c.name()).isEqualTo("model clip-vision");
      assertThat(c.outcome()).isEqualTo(Check.Outcome.OK);
      assertThat(c.detail()).isEqualTo("clip-vision, versions [2]");
    });
    assertThat(checks).anySatisfy(c -> {
      assertThat(c.name()).isEqualTo("model broken");
      assertThat(c.outcome()).isEqualTo(Check.Outcome.FAIL);
      assertThat(c.detail()).contains("kind 'nope'");
    });
  }

  @Test
  void aTextModelWithOnlyASentencePieceFileFailsNamingIt() throws Exception {
    TinyModels.install(dir, "siglip-text", 1, "{\"kind\":\"siglip-text\"}",
        new TinyModels(1).textModel(), false);
    java.nio.file.Files.write(dir.resolve("siglip-text").resolve("spiece.model"), new byte[] {10});
    TinyModels.install(dir, "clip-text", 1, TinyModels.TEXT_MANIFEST,
        new TinyModels(1).textModel(), true);
    List<Check> checks = ScoringDiagnostics.run(dir);
    assertThat(checks).anySatisfy(c -> {
      assertThat(c.name()).isEqualTo("model siglip-text");
      assertThat(c.outcome()).isEqualTo(Check.Outcome.FAIL);
      assertThat(c.detail()).contains("found only the SentencePiece model "
          + dir.resolve("siglip-text").resolve("spiece.model")).contains("models/README.md");
    });
    assertThat(checks).anySatisfy(c -> {
      assertThat(c.name()).isEqualTo("model clip-text");
      assertThat(c.outcome()).isEqualTo(Check.Outcome.OK);
    });
  }

  @Test
  void anEmptyRepositoryMeansBuiltinOnly() {
    assertThat(ScoringDiagnostics.run(dir)).anySatisfy(c -> {
      assertThat(c.outcome()).isEqualTo(Check.Outcome.OPTIONAL);
      assertThat(c.detail()).contains("built-in technical quality scoring only");
    });
  }

  @Test
  void settingsAreReportedAndAMalformedOneFailsByName() {
    Check ok = ScoringDiagnostics.settings(java.util.Map.of("REELMESH_SCORING_BATCH_WAIT_MS", "4",
        "REELMESH_FETCH_ALLOW", "cdn.example.com"));
    assertThat(ok.outcome()).isEqualTo(Check.Outcome.OK);
    assertThat(ok.detail()).contains("wait 4 ms").contains("from [cdn.example.com]");
    Check bad = ScoringDiagnostics.settings(java.util.Map.of("REELMESH_SCORING_MAX_BATCH", "lots"));
    assertThat(bad.outcome()).isEqualTo(Check.Outcome.FAIL);
    assertThat(bad.detail()).contains("REELMESH_SCORING_MAX_BATCH must be a whole number");
  }
}
