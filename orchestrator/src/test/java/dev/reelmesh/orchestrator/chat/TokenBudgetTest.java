package dev.reelmesh.orchestrator.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.v1.ChatToolInvocation;
import dev.reelmesh.v1.ChatTurnMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history cut to a token budget: oldest dropped first, the latest user turn always kept. */
class TokenBudgetTest {
  private static ChatTurnMessage said(String role, int chars) {
    return ChatTurnMessage.newBuilder().setRole(role).setText("x".repeat(chars)).build();
  }

  @Test
  void tokensAreAQuarterOfTheCharactersRoundedUpPlusTheMessagesFraming() {
    assertThat(TokenBudget.tokens(said("user", 0))).isEqualTo(4);
    assertThat(TokenBudget.tokens(said("user", 1))).isEqualTo(5);
    assertThat(TokenBudget.tokens(said("user", 400))).isEqualTo(104);
    ChatTurnMessage call = ChatTurnMessage.newBuilder().setRole("assistant").addCalls(
        ChatToolInvocation.newBuilder().setCallId("c1").setTool("plan")
            .setArgumentsJson("{\"brief\":\"kettle\"}")).build(); // 2 + 4 + 18 characters
    assertThat(TokenBudget.tokens(call)).isEqualTo(4 + 6);
  }

  @Test
  void aChineseMessageCostsATokenACharacterNotAQuarter() {
    ChatTurnMessage chinese = ChatTurnMessage.newBuilder().setRole("user")
        .setText("晨".repeat(400)).build();
    assertThat(TokenBudget.tokens(chinese)).isEqualTo(404);
    // So a history of them is cut four times sooner than the same length in English.
    List<ChatTurnMessage> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.add(chinese.toBuilder().setRole(i % 2 == 0 ? "user" : "assistant").build());
    }
    assertThat(new TokenBudget(1_000).fit(all)).hasSizeLessThan(4);
  }

  @Test
  void theOldestGoFirstAndANoteSaysHowMuchWasLeftOut() {
    List<ChatTurnMessage> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(said(i % 2 == 0 ? "user" : "assistant", 396)); // 103 tokens each
    }
    List<ChatTurnMessage> sent = new TokenBudget(1_000).fit(all);
    long total = sent.stream().mapToLong(TokenBudget::tokens).sum();
    assertThat(total).isLessThanOrEqualTo(1_000);
    // The note and the newest messages that fit beside it, the latest user's last but one.
    assertThat(sent.get(0).getRole()).isEqualTo("assistant");
    assertThat(sent.get(0).getText()).contains("message(s)").contains("left out");
    int kept = sent.size() - 1;
    assertThat(kept).isEqualTo((1_000 - TokenBudget.NOTE_TOKENS) / 103);
    assertThat(sent.get(0).getText()).contains((20 - kept) + " message(s), about "
        + String.format(java.util.Locale.ROOT, "%,d", (20 - kept) * 103) + " tokens");
    assertThat(sent.subList(1, sent.size())).isEqualTo(all.subList(20 - kept, 20));
  }

  @Test
  void theLatestUserTurnIsSentEvenWhenItAloneIsOverTheBudget() {
    List<ChatTurnMessage> all = List.of(said("user", 100), said("assistant", 100),
        said("user", 8_000), ChatTurnMessage.newBuilder().setRole("assistant").addCalls(
            ChatToolInvocation.newBuilder().setCallId("c").setTool("status")
                .setArgumentsJson("{}")).build(),
        ChatTurnMessage.newBuilder().setRole("tool").setCallId("c").setTool("status")
            .setText("{\"state\":\"running\"}").build());
    List<ChatTurnMessage> sent = new TokenBudget(500).fit(all);
    assertThat(sent).hasSize(4);
    assertThat(sent.get(0).getText()).contains("2 message(s)");
    assertThat(sent.subList(1, 4)).isEqualTo(all.subList(2, 5));
  }

  @Test
  void aWindowNeverOpensOnAToolResultWhoseCallWasDropped() {
    ChatTurnMessage call = ChatTurnMessage.newBuilder().setRole("assistant").setText("x"
        .repeat(2_000)).addCalls(ChatToolInvocation.newBuilder().setCallId("c")
            .setTool("status").setArgumentsJson("{}")).build();
    ChatTurnMessage result = ChatTurnMessage.newBuilder().setRole("tool").setCallId("c")
        .setTool("status").setText("{}").build();
    List<ChatTurnMessage> all = List.of(said("user", 10), call, result, said("assistant", 10),
        said("user", 10));
    List<ChatTurnMessage> sent = new TokenBudget(200).fit(all);
    assertThat(sent.get(1).getRole()).isNotEqualTo("tool");
    assertThat(sent.subList(1, sent.size())).isEqualTo(all.subList(3, 5));
    assertThat(sent.get(0).getText()).contains("3 message(s)");
  }

  @Test
  void aShortConversationIsSentWhole() {
    List<ChatTurnMessage> all = List.of(said("user", 10), said("assistant", 10),
        said("user", 10));
    assertThat(new TokenBudget(500).fit(all)).isEqualTo(all);
  }
}
