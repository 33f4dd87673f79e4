package dev.reelmesh.orchestrator.chat;

import static dev.reelmesh.orchestrator.chat.ChatJobTest.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.llm.testing.FakeOpenAiServer;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.ChatClientMessage;
import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.ChatServerMessage.KindCase;
import dev.reelmesh.v1.ChatTurnRequest;
import dev.reelmesh.v1.ChatTurnResponse;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.LlmServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chat agent's own LLM turns under the journal's rules: held before the call (session cap,
 * month, tenant), settled with the priced usage after it, refused with the figures and no call
 * when the hold does not fit, charged at the hold and unreconciled when the outcome is unknown.
 */
class ChatMoneyTest extends FakeLlmChat {
  /** gpt-4o list price: $2.50 in, $10 out per million tokens. */
  private static final long IN_MICROS_PER_MILLION = 2_500_000;
  private static final long OUT_MICROS_PER_MILLION = 10_000_000;
  private static final ChatSettings SETTINGS = ChatSettings.DEFAULTS;
  private static final long HOLD = SETTINGS.turnHoldMicros();
  private static long priced(long in, long out) {
    return in * IN_MICROS_PER_MILLION / 1_000_000 + out * OUT_MICROS_PER_MILLION / 1_000_000;
  }

  @Test
  void aTurnIsHeldBeforeTheCallAndSettledAtTheFakesUsageTimesThePrice() throws Exception {
    assertThat(HOLD).isEqualTo(84_000L); // (4,000 + 2,000) in × $10/M + 800 out × $30/M
    fake.then(new FakeOpenAiServer.Scripted(200, FakeOpenAiServer.completion("Hello.", 1_234,
        56), 1_500));
    try (ChatHost host = new ChatHost(mesh, SETTINGS);
        ChatClient chat = new ChatClient(host.channel())) {
      chat.send(ChatClientMessage.newBuilder().setText("hello").build());
      // While the fake sits on the request, the turn's hold is in the month's reserve.
      long reserved = 0;
      for (int i = 0; i < 100 && reserved == 0; i++) {
        reserved = mesh.engine().ledger().budget().getReservedMicros();
        Thread.sleep(10);
      }
      assertThat(reserved).isEqualTo(HOLD);
      assertThat(fake.requestCount()).isLessThanOrEqualTo(1);
      List<ChatServerMessage> turn = chat.turn();
      assertThat(kinds(turn)).containsExactly(KindCase.USER, KindCase.ANSWER);
      long expected = priced(1_234, 56);
      assertThat(turn.get(1).getAnswer().getCostList()).extracting(CostLine::getActualMicros)
          .containsExactly(priced(1_234, 0), priced(0, 56));
      assertThat(host.rows("select state, estimate, job_id from calls where chat_session = '"
          + chat.sessionId + "'")).containsExactly(java.util.Arrays.asList("settled", "84000",
          null));
      assertThat(host.rows("select sum(actual) from charges where chat_session = '"
          + chat.sessionId + "'")).containsExactly(List.of(String.valueOf(expected)));
      // The month's ledger and the tenant's GetBudget both count the chat's spend, nothing held.
      Budget month = mesh.engine().ledger().budget();
      assertThat(month.getSpentMicros()).isEqualTo(expected);
      assertThat(month.getReservedMicros()).isZero();
      Budget tenant = mesh.pipeline().getBudget(GetBudgetRequest.newBuilder().setTenant("local")
          .build());
      assertThat(tenant.getSpentMicros()).isEqualTo(expected);
      // The service was told the hold as its cap: it may never spend more than is held.
      assertThat(fake.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void aTurnOverTheMonthIsRefusedWithItsFiguresAndNoCall() throws Exception {
    mesh.restartWithMonthlyLimit(50_000);
    fake.thenChat("never sent", 10, 10);
    try (ChatHost host = new ChatHost(mesh, SETTINGS);
        ChatClient chat = new ChatClient(host.channel())) {
      List<ChatServerMessage> turn = chat.say("hello");
      assertThat(kinds(turn)).containsExactly(KindCase.USER, KindCase.NOTICE);
      assertThat(turn.get(1).getNotice().getCode()).isEqualTo("budget");
      assertThat(turn.get(1).getNotice().getMessage()).startsWith("RESOURCE_EXHAUSTED")
          .contains("monthly limit $0.0500 would be crossed").contains("$0.0000 spent")
          .contains("estimated at $0.0840");
      assertThat(turn.get(1).getAwaitingUser()).isTrue();
      assertThat(fake.requestCount()).isZero();
      assertThat(host.rows("select count(*) from calls")).containsExactly(List.of("0"));
      assertThat(mesh.engine().ledger().budget().getSpentMicros()).isZero();
    }
  }

  @Test
  void theSessionCapCountsWhatTheSessionSpentAndRefusesTheNextTurn() throws Exception {
    // Room for one hold, not for a second one on top of what the first turn spent.
    long cap = HOLD + priced(400, 20) / 2;
    fake.thenChat("First.", 400, 20).thenChat("never sent", 400, 20);
    try (ChatHost host = new ChatHost(mesh, new ChatSettings(cap, SETTINGS.historyTokens()));
        ChatClient chat = new ChatClient(host.channel())) {
      assertThat(kinds(chat.say("one"))).containsExactly(KindCase.USER, KindCase.ANSWER);
      List<ChatServerMessage> refused = chat.say("two");
      assertThat(kinds(refused)).containsExactly(KindCase.USER, KindCase.NOTICE);
      assertThat(refused.get(1).getNotice().getMessage()).contains("RESOURCE_EXHAUSTED")
          .contains(String.format(java.util.Locale.ROOT, "chat session cap $%.4f", cap / 1e6))
          .contains("the session spent $0.0012").contains("REELMESH_CHAT_SESSION_CAP_USD");
      assertThat(fake.requestCount()).isEqualTo(1);
      assertThat(mesh.engine().ledger().budget().getSpentMicros()).isEqualTo(priced(400, 20));
    }
    // Another session has its own cap.
    try (ChatHost host = new ChatHost(mesh, new ChatSettings(cap, SETTINGS.historyTokens()));
        ChatClient chat = new ChatClient(host.channel())) {
      assertThat(kinds(chat.say("three"))).containsExactly(KindCase.USER, KindCase.ANSWER);
      assertThat(fake.requestCount()).isEqualTo(2);
    }
  }

  /** An LLM service that answers ChatTurn with the statuses given, in order. */
  private static InProcessService failing(Status... statuses) {
    Deque<Status> left = new ArrayDeque<>(List.of(statuses));
    return InProcessService.start(new LlmServiceGrpc.LlmServiceImplBase() {
      @Override
      public void chatTurn(ChatTurnRequest request, StreamObserver<ChatTurnResponse> out) {
        out.onError(left.poll().asRuntimeException());
      }
    });
  }

  @Test
  void aTurnOfUnknownOutcomeStaysChargedAtItsHoldUnreconciledAndARefusedOneIsReleased()
      throws Exception {
    try (InProcessService llm = failing(Status.INVALID_ARGUMENT.withDescription("history: bad"),
        Status.INTERNAL.withDescription("connection reset"));
        ChatHost host = new ChatHost(mesh, llm.channel(), SETTINGS);
        ChatClient chat = new ChatClient(host.channel())) {
      // Refused by the service before any paid call: the hold is released, nothing charged.
      List<ChatServerMessage> refused = chat.say("one");
      assertThat(refused.get(1).getNotice().getCode()).isEqualTo("llm_unavailable");
      assertThat(mesh.engine().ledger().budget().getSpentMicros()).isZero();
      // Failed in a way that does not say whether the provider billed it: charged at the hold.
      List<ChatServerMessage> unknown = chat.say("two");
      assertThat(unknown.get(1).getNotice().getMessage()).contains("INTERNAL");
      Budget month = mesh.engine().ledger().budget();
      assertThat(month.getSpentMicros()).isEqualTo(HOLD);
      assertThat(month.getUnreconciledMicros()).isEqualTo(HOLD);
      assertThat(month.getUnreconciledCalls()).isEqualTo(1);
      assertThat(month.getReservedMicros()).isZero();
      assertThat(host.rows("select state from calls where chat_session = '" + chat.sessionId
          + "' order by call_id")).containsExactly(List.of("released"),
          List.of("unreconciled"));
      assertThat(mesh.pipeline().getBudget(GetBudgetRequest.newBuilder().setTenant("local")
          .build()).getUnreconciledMicros()).isEqualTo(HOLD);
    }
  }

  @Test
  void aTurnLeftHeldByADeadOrchestratorIsChargedAtItsHoldUnreconciled() throws Exception {
    String session;
    try (ChatHost host = new ChatHost(mesh, SETTINGS);
        ChatClient chat = new ChatClient(host.channel())) {
      fake.thenChat("Hi.", 10, 10);
      chat.say("hello");
      session = chat.sessionId;
    }
    JobStore store = mesh.engine().ledger().store();
    long spent = mesh.engine().ledger().budget().getSpentMicros();
    // What a kill -9 between the hold and the settle leaves: a held chat call.
    JobStore.Hold held = mesh.engine().ledger().holdChat(session, TurnSpend.STEP,
        CostLine.newBuilder().setStage("chat").setProvider("llm").setItem("ChatTurn")
            .setEstimatedMicros(HOLD).build(), 0);
    assertThat(held.granted()).isTrue();
    assertThat(store.unreconcileStaleChat(TurnSpend.STALE)).isEmpty(); // still young
    assertThat(store.unreconcileStaleChat(Duration.ZERO)).extracting(CostLine::getActualMicros)
        .containsExactly(HOLD);
    Budget month = mesh.engine().ledger().budget();
    assertThat(month.getSpentMicros() - spent).isEqualTo(HOLD);
    assertThat(month.getUnreconciledCalls()).isEqualTo(1);
    assertThat(month.getReservedMicros()).isZero();
  }
}
