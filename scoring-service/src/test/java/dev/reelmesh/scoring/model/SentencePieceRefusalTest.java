package dev.reelmesh.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TestTokenizer;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.scoring.testing.TinySiglip;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.ModelState;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SentencePiece tokenizers are not read (no SentencePiece library resolves for this build): a
 * SigLIP 1 folder with only spiece.model fails to load naming the file and the fix, and serves
 * once a tokenizer.json is put next to it.
 */
class SentencePieceRefusalTest {
  /** The start of a SentencePiece ModelProto (pieces {piece: "<unk>", score: 0, type: UNKNOWN}). */
  static final byte[] SPIECE = {0x0a, 0x0e, 0x0a, 0x05, '<', 'u', 'n', 'k', '>', 0x15, 0, 0, 0, 0,
      0x18, 0x02};
  static final String TEXT = "{\"kind\":\"siglip-text\",\"logit_scale\":10,\"logit_bias\":-2}";
  @TempDir Path dir;
  final TinySiglip models = new TinySiglip(5);

  Path repo() {
    return dir.resolve("models");
  }

  @Test
  void aFolderWithOnlySpieceModelIsRefusedNamingTheFileAndTheFix() throws Exception {
    TinyModels.install(repo(), "siglip-text", 1, TEXT, models.textModel(10.0, -2.0), false);
    Path spiece = repo().resolve("siglip-text").resolve("spiece.model");
    Files.write(spiece, SPIECE);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      ModelInfo info = ReadinessTest.meta(h, "siglip-text");
      assertThat(info.getVersions(0).getState()).isEqualTo(ModelState.MODEL_STATE_FAILED);
      assertThat(info.getVersions(0).getError()).contains("a siglip-text model needs a Hugging"
          + " Face tokenizer.json; found only the SentencePiece model " + spiece + ", which this"
          + " service does not read: convert it once to a Hugging Face tokenizer.json when"
          + " exporting the model (models/README.md, \"SentencePiece tokenizers\")");
      assertThat(ReadinessTest.health(h, "siglip-text")).isEqualTo(ServingStatus.NOT_SERVING);

      // The fix: a tokenizer.json beside it (spiece.model may stay), then a load.
      TestTokenizer.write(repo().resolve("siglip-text").resolve("tokenizer.json"),
          TinySiglip.CONTEXT);
      h.stub().loadModel(LoadModelRequest.newBuilder().setName("siglip-text").build());
      assertThat(ReadinessTest.ready(h, "siglip-text", 1).getReady()).isTrue();
      assertThat(ReadinessTest.health(h, "siglip-text")).isEqualTo(ServingStatus.SERVING);
    }
  }

  @Test
  void aManifestNamingASentencePieceFileOrOneRenamedToJsonIsRefused() throws Exception {
    TinyModels.install(repo(), "named", 1, "{\"kind\":\"siglip-text\",\"tokenizer\":{\"file\":"
        + "\"spiece.model\"}}", models.textModel(10.0, -2.0), false);
    TinyModels.install(repo(), "renamed", 1, TEXT, models.textModel(10.0, -2.0), false);
    Path renamed = repo().resolve("renamed").resolve("tokenizer.json");
    Files.write(renamed, SPIECE);
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      assertThat(ReadinessTest.meta(h, "named").getManifestError()).isEqualTo("model.json:"
          + " tokenizer.file 'spiece.model' is a SentencePiece model, which this service does not"
          + " read; convert it once to a Hugging Face tokenizer.json when exporting the model"
          + " (models/README.md, \"SentencePiece tokenizers\")");
      assertThat(ReadinessTest.meta(h, "renamed").getVersions(0).getError()).contains(renamed
          + " is not a Hugging Face tokenizer.json (a JSON object); if it is a SentencePiece"
          + " model, convert it once");
    }
  }
}
