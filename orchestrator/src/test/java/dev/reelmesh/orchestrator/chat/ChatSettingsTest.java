package dev.reelmesh.orchestrator.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chat's limits from the environment: defaults, dollars to micros, each bad value named. */
class ChatSettingsTest {
  @Test
  void defaultsAndValuesFromTheEnvironment() {
    assertThat(ChatSettings.fromEnv(Map.of())).isEqualTo(ChatSettings.DEFAULTS);
    ChatSettings set = ChatSettings.fromEnv(Map.of("REELMESH_CHAT_SESSION_CAP_USD", " 0.25 ",
        "REELMESH_CHAT_HISTORY_TOKENS", "8000"));
    assertThat(set.sessionCapMicros()).isEqualTo(250_000);
    assertThat(set.historyTokens()).isEqualTo(8_000);
    // A bigger history holds more per turn: (8,000 + 2,000) × 10 µ$ + 800 × 30 µ$.
    assertThat(set.turnHoldMicros()).isEqualTo(124_000);
    assertThat(ChatSettings.fromEnv(Map.of("REELMESH_CHAT_SESSION_CAP_USD", "0"))
        .sessionCapMicros()).isZero();
  }

  @Test
  void badValuesNameTheirVariable() {
    bad(Map.of("REELMESH_CHAT_SESSION_CAP_USD", "-1"),
        "REELMESH_CHAT_SESSION_CAP_USD must be >= 0");
    bad(Map.of("REELMESH_CHAT_SESSION_CAP_USD", "lots"), "REELMESH_CHAT_SESSION_CAP_USD must be "
        + "dollars, got 'lots'");
    bad(Map.of("REELMESH_CHAT_SESSION_CAP_USD", "NaN"),
        "REELMESH_CHAT_SESSION_CAP_USD must be >= 0");
    bad(Map.of("REELMESH_CHAT_HISTORY_TOKENS", "499"), "REELMESH_CHAT_HISTORY_TOKENS must be in "
        + "[500, 100000], got 499");
    bad(Map.of("REELMESH_CHAT_HISTORY_TOKENS", "1e4"), "REELMESH_CHAT_HISTORY_TOKENS must be a "
        + "whole number of tokens, got '1e4'");
  }

  private static void bad(Map<String, String> env, String message) {
    assertThatThrownBy(() -> ChatSettings.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
  }
}
