package dev.reelmesh.orchestrator.provider.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys from a file only its owner may read; the environment wins; values are never echoed. */
class SecretsFileTest {
  @TempDir Path dir;

  private Path file(String text, String mode) throws Exception {
    Path file = dir.resolve("secrets.env");
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void anOwnerOnlyFileFillsWhatTheEnvironmentLacks() throws Exception {
    Path file = file("# provider keys\nREPLICATE_API_TOKEN = r8_from_file\n\n"
        + "REELMESH_REPLICATE_VIDEO_MODEL=\"acme/i2v\"\nOPENAI_API_KEY=sk-file\n", "rw-------");
    Map<String, String> merged = SecretsFile.withSecrets(Map.of(SecretsFile.VARIABLE,
        file.toString(), "OPENAI_API_KEY", "sk-env"));
    assertThat(merged).containsEntry("REPLICATE_API_TOKEN", "r8_from_file")
        .containsEntry("REELMESH_REPLICATE_VIDEO_MODEL", "acme/i2v")
        .containsEntry("OPENAI_API_KEY", "sk-env");
    // The registry built from it has Replicate configured.
    assertThat(StandardProviders.fromEnv(Map.of(SecretsFile.VARIABLE, file.toString()))
        .missing("video", "replicate", "")).isEmpty();
  }

  @Test
  void aFileOthersMayReadOrAMalformedLineStopsTheStartWithoutShowingAValue() throws Exception {
    Path open = file("REPLICATE_API_TOKEN=r8_secret_value\n", "rw-r--r--");
    assertThatThrownBy(() -> SecretsFile.withSecrets(Map.of(SecretsFile.VARIABLE,
        open.toString())))
        .hasMessageContaining("chmod 600").hasMessageNotContaining("r8_secret_value");
    Path bad = file("REPLICATE_API_TOKEN=r8_secret_value\nthis line r8_other_secret\n",
        "r--------");
    assertThatThrownBy(() -> SecretsFile.withSecrets(Map.of(SecretsFile.VARIABLE,
        bad.toString())))
        .hasMessageContaining("line 2").hasMessageNotContaining("r8_other_secret");
    assertThatThrownBy(() -> SecretsFile.withSecrets(Map.of(SecretsFile.VARIABLE,
        dir.resolve("missing.env").toString()))).hasMessageContaining("cannot read");
  }
}
