package dev.reelmesh.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.scoring.testing.TestTokenizer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTokenizerTest {
  @TempDir Path dir;

  @Test
  void addsBosEosAndPadsToTheContextLength() throws Exception {
    Path file = dir.resolve("tokenizer.json");
    TestTokenizer.write(file);
    try (PromptTokenizer tokenizer = PromptTokenizer.load(file, 77)) {
      for (String prompt : new String[] {"a photo of a cat", "Warm MORNING light", "unknown words"}) {
        PromptTokenizer.Tokens tokens = tokenizer.encode(prompt);
        long[][] expected = TestTokenizer.expectedIds(prompt);
        assertThat(tokens.ids()).as(prompt).containsExactly(expected[0]);
        assertThat(tokens.mask()).as(prompt).containsExactly(expected[1]);
      }
    }
  }

  @Test
  void truncatesLongPromptsKeepingEos() throws Exception {
    Path file = dir.resolve("tokenizer.json");
    TestTokenizer.write(file);
    try (PromptTokenizer tokenizer = PromptTokenizer.load(file, 77)) {
      PromptTokenizer.Tokens tokens = tokenizer.encode("cat ".repeat(100));
      assertThat(tokens.ids()).hasSize(77);
      assertThat(tokens.ids()[0]).isEqualTo(TestTokenizer.BOS);
      assertThat(tokens.ids()[76]).isEqualTo(TestTokenizer.EOS);
      assertThat(tokens.ids()[75]).isEqualTo(TestTokenizer.VOCAB.get("cat"));
    }
  }

  @Test
  void aMissingOrBrokenTokenizerIsAPreciseLoadError() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("bad.json"), "{not json");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> PromptTokenizer.load(dir.resolve("bad.json"), 77))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("cannot load tokenizer");
  }
}
