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

  @Test
  void reportsFfmpegOnnxRuntimeAndModels() throws Exception {
    Path models = Files.createDirectories(dir.resolve("models/clip-b32"));
    Files.writeString(models.resolve("model.json"), "{}");
    CommandLine cli = ReelmeshMain.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    int code = cli.execute("doctor", "--data", dir.resolve("data").toString(),
        "--models", dir.resolve("models").toString());
    assertThat(out.toString())
        .contains("[OK]")
        .contains("bundled FFmpeg")
        .contains("ffmpeg version")
        .contains("ONNX Runtime")
        .contains("[clip-b32]");
    assertThat(code).as(out.toString()).isZero();
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
}
