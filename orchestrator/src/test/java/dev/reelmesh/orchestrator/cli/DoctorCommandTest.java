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
  void replicateSettingsAreReportedAndMalformedOnesFail() {
    assertThat(DoctorCommand.replicate(java.util.Map.of()).outcome())
        .isEqualTo(dev.reelmesh.common.diagnostics.Check.Outcome.OPTIONAL);
    var ok = DoctorCommand.replicate(java.util.Map.of("REPLICATE_API_TOKEN", "r8_secret",
        "REELMESH_REPLICATE_VIDEO_MODEL", "acme/i2v"));
    assertThat(ok.outcome()).isEqualTo(dev.reelmesh.common.diagnostics.Check.Outcome.OK);
    assertThat(ok.detail()).contains("acme/i2v").doesNotContain("r8_secret");
    var bad = DoctorCommand.replicate(java.util.Map.of("REELMESH_REPLICATE_VIDEO_INPUT", "{x"));
    assertThat(bad.outcome()).isEqualTo(dev.reelmesh.common.diagnostics.Check.Outcome.FAIL);
    assertThat(bad.detail()).contains("REELMESH_REPLICATE_VIDEO_INPUT is not valid JSON");
  }
}
