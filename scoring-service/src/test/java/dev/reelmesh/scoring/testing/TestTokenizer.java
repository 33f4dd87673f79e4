package dev.reelmesh.scoring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny CLIP-like tokenizer.json: lower-casing, whitespace split, a WordLevel vocabulary, and
 * CLIP's <|startoftext|> = 49406 / <|endoftext|> = 49407 around every prompt, padded to 77 with
 * <|endoftext|>. {@link #expectedIds} computes the ids independently of any tokenizer library.
 */
public final class TestTokenizer {
  public static final long BOS = 49406;
  public static final long EOS = 49407;
  public static final Map<String, Long> VOCAB = Map.of(
      "a", 320L, "photo", 1125L, "of", 539L, "cat", 2368L, "dog", 1929L,
      "red", 736L, "kettle", 11293L, "morning", 911L, "light", 1395L, "warm", 3616L);

  private TestTokenizer() {}

  public static void write(Path file) {
    write(file, 77);
  }

  /** The same vocabulary, truncated and padded to {@code context} tokens. */
  public static void write(Path file, int context) {
    StringBuilder vocab = new StringBuilder();
    VOCAB.forEach((w, id) -> vocab.append('"').append(w).append("\":").append(id).append(','));
    vocab.append("\"<|startoftext|>\":49406,\"<|endoftext|>\":49407");
    String special = "{\"SpecialToken\":{\"id\":\"%s\",\"type_id\":0}}";
    String sot = String.format(special, "<|startoftext|>");
    String eot = String.format(special, "<|endoftext|>");
    String json = "{\"version\":\"1.0\","
        + "\"truncation\":{\"direction\":\"Right\",\"max_length\":" + context + ",\"strategy\":\"LongestFirst\",\"stride\":0},"
        + "\"padding\":{\"strategy\":{\"Fixed\":" + context + "},\"direction\":\"Right\",\"pad_to_multiple_of\":null,"
        + "\"pad_id\":49407,\"pad_type_id\":0,\"pad_token\":\"<|endoftext|>\"},"
        + "\"added_tokens\":[" + added(49406, "<|startoftext|>") + "," + added(49407, "<|endoftext|>") + "],"
        + "\"normalizer\":{\"type\":\"Lowercase\"},"
        + "\"pre_tokenizer\":{\"type\":\"Whitespace\"},"
        + "\"post_processor\":{\"type\":\"TemplateProcessing\","
        + "\"single\":[" + sot + ",{\"Sequence\":{\"id\":\"A\",\"type_id\":0}}," + eot + "],"
        + "\"pair\":[" + sot + ",{\"Sequence\":{\"id\":\"A\",\"type_id\":0}}," + eot
        + ",{\"Sequence\":{\"id\":\"B\",\"type_id\":1}}," + eot + "],"
        + "\"special_tokens\":{"
        + "\"<|startoftext|>\":{\"id\":\"<|startoftext|>\",\"ids\":[49406],\"tokens\":[\"<|startoftext|>\"]},"
        + "\"<|endoftext|>\":{\"id\":\"<|endoftext|>\",\"ids\":[49407],\"tokens\":[\"<|endoftext|>\"]}}},"
        + "\"decoder\":null,"
        + "\"model\":{\"type\":\"WordLevel\",\"vocab\":{" + vocab + "},\"unk_token\":\"<|endoftext|>\"}}";
    try {
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String added(int id, String content) {
    return "{\"id\":" + id + ",\"content\":\"" + content + "\",\"single_word\":false,"
        + "\"lstrip\":false,\"rstrip\":false,\"normalized\":false,\"special\":true}";
  }

  /** [BOS, words..., EOS, EOS padding...] and the mask (1 for BOS..EOS), 77 long. */
  public static long[][] expectedIds(String prompt) {
    return expectedIds(prompt, 77);
  }

  public static long[][] expectedIds(String prompt, int context) {
    List<Long> ids = new ArrayList<>();
    ids.add(BOS);
    for (String word : prompt.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
      if (!word.isEmpty()) {
        ids.add(VOCAB.getOrDefault(word, EOS));
      }
    }
    while (ids.size() > context - 1) {
      ids.remove(ids.size() - 1);
    }
    ids.add(EOS);
    long[] out = new long[context];
    long[] mask = new long[context];
    for (int i = 0; i < context; i++) {
      out[i] = i < ids.size() ? ids.get(i) : EOS;
      mask[i] = i < ids.size() ? 1 : 0;
    }
    return new long[][] {out, mask};
  }
}
