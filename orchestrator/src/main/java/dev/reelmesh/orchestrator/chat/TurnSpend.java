package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.orchestrator.budget.Ledger;
import dev.reelmesh.orchestrator.stage.LlmOutcome;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.v1.ChatTurnResponse;
import dev.reelmesh.v1.CostLine;
import java.time.Duration;
import java.util.function.LongFunction;

/**
 * The money of the agent's own LLM turns, under the rules of a job's paid calls: each turn is
 * journaled and held BEFORE it is sent (against the session's cap, the month's limit and the
 * tenant's credits, in one transaction), the llm-service is told the held figure as its cap so
 * it can never spend more, and the priced lines settle the hold in one transaction. A turn that
 * fails without saying whether it was paid stays charged at its hold, unreconciled; one whose
 * orchestrator died is charged so by the next turn anywhere ({@link #STALE}).
 */
final class TurnSpend {
  /** A live orchestrator settles a turn within its 2-minute deadline; older holds are lost. */
  static final Duration STALE = Duration.ofMinutes(5);
  static final String STEP = "chat turn";
  private final Ledger ledger;
  private final ChatSettings settings;

  /** A turn the money rules do not allow: nothing was sent. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  TurnSpend(Ledger ledger, ChatSettings settings) {
    this.ledger = ledger;
    this.settings = settings;
  }

  /**
   * Holds a turn of {@code sessionId}, makes it with the held figure as its spend cap, and
   * settles it with the response's priced lines.
   *
   * @throws Refused when the hold is refused (the figures in its message); no call was made
   */
  ChatTurnResponse call(String sessionId, LongFunction<ChatTurnResponse> turn) {
    JobStore store = ledger.store();
    store.unreconcileStaleChat(STALE);
    long most = settings.turnHoldMicros();
    JobStore.Hold held = ledger.holdChat(sessionId, STEP, CostLine.newBuilder().setStage("chat")
        .setProvider("llm").setItem("ChatTurn (held at most)").setQuantity(1)
        .setUnit("requests").setEstimatedMicros(most).build(), settings.sessionCapMicros());
    if (!held.granted()) {
      throw new Refused(held.refusal());
    }
    ChatTurnResponse response;
    try {
      response = turn.apply(most);
    } catch (RuntimeException e) {
      if (LlmOutcome.mayHavePaid(e)) {
        store.unreconcileCall(held.callId());
      } else {
        store.release(held.callId());
      }
      throw e;
    }
    store.settle(held.callId(), response.getCostList(), null, null, null);
    return response;
  }
}
