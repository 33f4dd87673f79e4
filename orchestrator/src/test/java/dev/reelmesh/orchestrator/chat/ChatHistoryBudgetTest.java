package dev.reelmesh.orchestrator.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long conversation against the fake OpenAI server: each request carries no more history than
 * the token budget allows (read from what the fake received, at four characters a token or
 * more), always the latest user words, the newest messages before them, and a note saying how
 * much older conversation was left out.
 */
class ChatHistoryBudgetTest extends FakeLlmChat {
  private static final int BUDGET = 1_000;

  private static String words(String who, int i) {
    return (who + " message " + i + ": " + "the kettle steams by the window. ".repeat(9))
        .strip();
  }

  @Test
  void whatTheFakeReceivedFitsTheBudgetAndKeepsTheLatestTurn() throws Exception {
    int turns = 24;
    for (int i = 0; i < turns; i++) {
      fake.thenChat(words("assistant", i), 500, 50);
    }
    try (ChatHost host = new ChatHost(mesh, new ChatSettings(0, BUDGET));
        ChatClient chat = new ChatClient(host.channel())) {
      for (int i = 0; i < turns; i++) {
        chat.say(words("user", i));
      }
    }
    assertThat(fake.requestCount()).isEqualTo(turns);
    for (int r = 0; r < turns; r++) {
      String raw = fake.requests().get(r);
      JsonNode messages = request(r).path("messages");
      assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
      List<JsonNode> history = new ArrayList<>();
      messages.forEach(history::add);
      history = history.subList(1, history.size());
      long chars = history.stream().mapToLong(m -> m.path("content").asText().length()).sum();
      assertThat(chars).as("request %d", r).isLessThanOrEqualTo(4L * BUDGET);
      JsonNode last = history.get(history.size() - 1);
      assertThat(last.path("role").asText()).isEqualTo("user");
      assertThat(last.path("content").asText()).isEqualTo(words("user", r));
      if (r == turns - 1) {
        // Long by now: the oldest words are gone, a note says so, the budget is mostly used.
        assertThat(history.get(0).path("role").asText()).isEqualTo("assistant");
        assertThat(history.get(0).path("content").asText()).contains("left out to fit the "
            + "history budget");
        assertThat(raw).doesNotContain(words("user", 0)).doesNotContain(words("assistant", 0));
        assertThat(chars).isGreaterThan(2L * BUDGET);
        assertThat(history.get(history.size() - 2).path("content").asText())
            .isEqualTo(words("assistant", r - 1));
      }
      if (r == 0) {
        assertThat(history).hasSize(1);
      }
    }
  }
}
