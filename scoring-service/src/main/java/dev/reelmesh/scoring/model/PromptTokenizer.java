package dev.reelmesh.scoring.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A model's own tokenizer.json through DJL's HuggingFace tokenizers: BOS/EOS from the file's
 * post-processor, truncated and padded to the context length (77 for CLIP).
 */
public final class PromptTokenizer implements AutoCloseable {
  /** Token ids and attention mask, both {@code contextLength} long. */
  public record Tokens(long[] ids, long[] mask) {}

  private final HuggingFaceTokenizer tokenizer;
  private final int contextLength;
  private final boolean lowercase;

  private PromptTokenizer(HuggingFaceTokenizer tokenizer, int contextLength, boolean lowercase) {
    this.tokenizer = tokenizer;
    this.contextLength = contextLength;
    this.lowercase = lowercase;
  }

  public static PromptTokenizer load(Path file, int contextLength) throws ModelLoadException {
    return load(file, contextLength, false);
  }

  /**
   * {@code lowercase}: lower-case prompts first, for models trained on lower-cased text whose
   * tokenizer.json does not say so itself (SigLIP2).
   */
  public static PromptTokenizer load(Path file, int contextLength, boolean lowercase)
      throws ModelLoadException {
    TokenizerFiles.requireJson(file);
    try {
      // builder(): newInstance(Path) would ignore padding, and CLIP needs fixed-length input.
      HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
          .optTokenizerPath(file)
          .optMaxLength(contextLength)
          .optTruncation(true)
          .optPadToMaxLength()
          .build();
      return new PromptTokenizer(tokenizer, contextLength, lowercase);
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      throw new ModelLoadException("cannot load tokenizer " + file + ": " + e.getMessage(), e);
    }
  }

  public Tokens encode(String text) {
    Encoding encoding = tokenizer.encode(lowercase ? text.toLowerCase(Locale.ROOT) : text);
    long[] ids = encoding.getIds();
    long[] mask = encoding.getAttentionMask();
    if (ids.length != contextLength) {
      throw new IllegalStateException("tokenizer gave " + ids.length + " ids, expected "
          + contextLength + "; check the padding block of tokenizer.json");
    }
    return new Tokens(ids, mask);
  }

  public int contextLength() {
    return contextLength;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
