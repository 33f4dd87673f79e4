package dev.reelmesh.scoring.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Finds a text model's Hugging Face tokenizer.json and refuses SentencePiece files by name. No
 * SentencePiece reader resolves on this build's Maven mirror (DJL's ai.djl.sentencepiece artifact
 * is absent), so the supported path is tokenizer.json, made at export time; a folder that only
 * has SigLIP 1's {@code spiece.model} says so and what to do, instead of "no tokenizer.json".
 */
public final class TokenizerFiles {
  /** The names SentencePiece models ship under (SigLIP 1, T5, Gemma, XLM-R). */
  static final List<String> SENTENCEPIECE = List.of("spiece.model", "tokenizer.model",
      "sentencepiece.model", "sentencepiece.bpe.model");
  static final String CONVERT = "convert it once to a Hugging Face tokenizer.json when exporting"
      + " the model (models/README.md, \"SentencePiece tokenizers\")";

  private TokenizerFiles() {}

  /** The manifest's tokenizer file in the version directory, else the model directory. */
  public static Path find(Path modelDir, Path versionDir, ModelManifest manifest)
      throws ModelLoadException {
    List<Path> dirs = List.of(versionDir, modelDir);
    for (Path dir : dirs) {
      Path candidate = dir.resolve(manifest.tokenizerFile());
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    for (Path dir : dirs) {
      for (String name : SENTENCEPIECE) {
        Path spm = dir.resolve(name);
        if (Files.isRegularFile(spm)) {
          throw new ModelLoadException("a " + manifest.kind().id() + " model needs a Hugging Face "
              + manifest.tokenizerFile() + "; found only the SentencePiece model " + spm
              + ", which this service does not read: " + CONVERT);
        }
      }
    }
    throw new ModelLoadException("a " + manifest.kind().id() + " model needs its tokenizer: no "
        + manifest.tokenizerFile() + " in " + versionDir + " or " + modelDir);
  }

  /** Why model.json's tokenizer.file cannot be used, or null: a SentencePiece file by name. */
  static String manifestProblem(String file) {
    if (SENTENCEPIECE.contains(file) || file.toLowerCase(Locale.ROOT).endsWith(".model")) {
      return "model.json: tokenizer.file '" + file + "' is a SentencePiece model, which this"
          + " service does not read; " + CONVERT;
    }
    return null;
  }

  /**
   * Refuses a file that is not JSON before the tokenizer library parses it: a SentencePiece
   * model renamed to tokenizer.json would otherwise fail with a JSON parser's column number.
   */
  static void requireJson(Path file) throws ModelLoadException {
    int first = -1;
    try (InputStream in = Files.newInputStream(file)) {
      for (int i = 0; i < 4096 && (first = in.read()) != -1; i++) {
        if (!Character.isWhitespace(first) && first != 0xEF && first != 0xBB && first != 0xBF) {
          break; // skipping whitespace and a UTF-8 byte-order mark
        }
      }
    } catch (IOException e) {
      throw new ModelLoadException("cannot read tokenizer " + file + ": " + e.getMessage(), e);
    }
    if (first != '{') {
      throw new ModelLoadException(file + " is not a Hugging Face tokenizer.json (a JSON object);"
          + " if it is a SentencePiece model, " + CONVERT);
    }
  }
}
