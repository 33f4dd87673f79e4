package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.diagnostics.Check;
import dev.reelmesh.llm.LlmDiagnostics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DoctorCommandTest {
  @TempDir Path dir;

  private int doctor(StringWriter out) {
    CommandLine cli = ReelmeshMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    return cli.execute("doctor", "--data", dir.resolve("data").toString(),
        "--models", dir.resolve("models").toString());
  }

  @Test
  void reportsFfmpegAndOnnxRuntimeAndThatModelsAreOptional() {
    StringWriter out = new StringWriter();
    int code = doctor(out);
    assertThat(out.toString())
        .contains("[OK]")
        .contains("bundled FFmpeg")
        .contains("ffmpeg version")
        .contains("ONNX Runtime")
        .contains("[OPTIONAL]")
        .contains("built-in technical quality");
    assertThat(code).as(out.toString()).isZero();
  }

  @Test
  void aBrokenModelManifestFailsWithTheReason() throws Exception {
    Path model = Files.createDirectories(dir.resolve("models/clip-b32"));
    Files.writeString(model.resolve("model.json"), "{}");
    StringWriter out = new StringWriter();
    int code = doctor(out);
    assertThat(out.toString()).contains("[FAIL]").contains("clip-b32").contains("kind");
    assertThat(code).isEqualTo(1);
  }

  @Test
  void neverPrintsAKey() {
    String secret = "sk-test-0123456789abcdefSECRET";
    List<Check> checks = LlmDiagnostics.run(Map.of("OPENAI_API_KEY", secret));
    assertThat(checks).singleElement().satisfies(check -> {
      assertThat(check.outcome()).isEqualTo(Check.Outcome.OK);
      assertThat(check.toString()).doesNotContain(secret).doesNotContain("SECRET");
    });
    assertThat(LlmDiagnostics.run(Map.of())).singleElement()
        .satisfies(check -> assertThat(check.outcome()).isEqualTo(Check.Outcome.OPTIONAL));
  }

  @Test
  void everyRegisteredProviderHasALineAndMalformedSettingsFailTheirs() {
    List<Check> none = ProviderChecks.run(Map.of());
    assertThat(none).extracting(c -> c.area() + "/" + c.name()).contains("image/animatic",
        "video/motion", "speech/espeak", "speech/none", "image/openai", "video/openai",
        "speech/openai", "video/replicate");
    assertThat(none).filteredOn(c -> c.name().equals("replicate")).singleElement()
        .satisfies(c -> {
          assertThat(c.outcome()).isEqualTo(Check.Outcome.OPTIONAL);
          assertThat(c.detail()).contains("REPLICATE_API_TOKEN");
        });
    List<Check> ok = ProviderChecks.run(Map.of("REPLICATE_API_TOKEN", "r8_secret",
        "REELMESH_REPLICATE_VIDEO_MODEL", "acme/i2v", "OPENAI_API_KEY", "sk-hidden-value-42",
        "OPENAI_VIDEO_BASE_URL", "https://gateway.example/v1"));
    assertThat(ok).filteredOn(c -> c.name().equals("replicate")).singleElement()
        .satisfies(c -> {
          assertThat(c.outcome()).isEqualTo(Check.Outcome.OK);
          assertThat(c.detail()).contains("acme/i2v").contains("REPLICATE_API_TOKEN");
        });
    assertThat(ok).filteredOn(c -> c.name().equals("openai"))
        .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Check.Outcome.OK));
    assertThat(ok.toString()).doesNotContain("r8_secret").doesNotContain("hidden-value");
    List<Check> bad = ProviderChecks.run(Map.of("REELMESH_REPLICATE_VIDEO_INPUT", "{x"));
    assertThat(bad).filteredOn(c -> c.outcome() == Check.Outcome.FAIL).singleElement()
        .satisfies(c -> assertThat(c.detail())
            .contains("REELMESH_REPLICATE_VIDEO_INPUT is not valid JSON"));
    // The others still get their lines.
    assertThat(bad).extracting(Check::name).contains("openai", "motion");
  }
}
