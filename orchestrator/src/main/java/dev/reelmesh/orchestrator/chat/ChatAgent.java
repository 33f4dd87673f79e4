package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.v1.ChatAnswer;
import dev.reelmesh.v1.ChatConfirmation;
import dev.reelmesh.v1.ChatContext;
import dev.reelmesh.v1.ChatNotice;
import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.ChatToolCall;
import dev.reelmesh.v1.ChatToolInvocation;
import dev.reelmesh.v1.ChatToolResult;
import dev.reelmesh.v1.ChatTurnRequest;
import dev.reelmesh.v1.ChatTurnResponse;
import dev.reelmesh.v1.ChatUserText;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.CostReport;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.LlmCallOptions;
import dev.reelmesh.v1.LlmServiceGrpc;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One session's agent: the user's words go to LlmService.ChatTurn with the conversation and the
 * tools; its tool calls run (each call and its result stored and streamed before the next
 * words), a paid call waits for the user's confirmation, and up to {@link #MAX_ROUNDS} rounds of
 * calls run per message. Every step is stored first, so a reconnect or a restart sees it.
 * Callers serialise the work of one session (see {@link LiveSessions}).
 */
final class ChatAgent {
  static final int MAX_ROUNDS = 4;
  private static final java.util.Set<String> YES = java.util.Set.of("y", "yes", "go ahead",
      "ok", "okay", "confirm", "do it");
  private static final java.util.Set<String> NO = java.util.Set.of("n", "no", "cancel",
      "don't", "stop");
  private final Session session;
  private final LlmServiceGrpc.LlmServiceBlockingStub llm;
  private final ToolRunner tools;
  private final TurnSpend spend;
  private final int historyTokens;
  private final List<CostLine> turnCost = new ArrayList<>();

  /** Where the session's messages go: stored, then streamed to everyone attached. */
  interface Session {
    String id();

    ChatServerMessage append(ChatServerMessage.Builder message);

    List<ChatServerMessage> messages();
  }

  ChatAgent(Session session, Channel llm, ToolRunner tools, TurnSpend spend,
      int historyTokens) {
    this.session = session;
    this.llm = LlmServiceGrpc.newBlockingStub(llm);
    this.tools = tools;
    this.spend = spend;
    this.historyTokens = historyTokens;
  }

  void onText(String text) {
    java.util.Optional<ChatToolCall> pending = new ChatHistory(session.messages()).pending();
    // A bare yes or no typed to the question "go ahead?" answers it, as the buttons would.
    String word = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[.!]+$", "");
    if (pending.isPresent() && (YES.contains(word) || NO.contains(word))) {
      session.append(ChatServerMessage.newBuilder().setUser(ChatUserText.newBuilder()
          .setText(text)));
      onConfirmation(ChatConfirmation.newBuilder().setCallId(pending.get().getCallId())
          .setApproved(YES.contains(word)).build());
      return;
    }
    pending.ifPresent(waiting -> {
      // Writing instead of confirming declines the waiting call, visibly.
      session.append(ChatServerMessage.newBuilder().setToolResult(ToolRunner.refused(
          ChatToolResult.newBuilder().setCallId(waiting.getCallId()).setTool(waiting.getTool()),
          Status.CANCELLED.withDescription("declined: the user wrote instead of confirming"))));
    });
    session.append(ChatServerMessage.newBuilder().setUser(ChatUserText.newBuilder()
        .setText(text)));
    rounds();
  }

  void onConfirmation(ChatConfirmation confirmation) {
    ChatToolCall waiting = new ChatHistory(session.messages()).pending().orElseThrow(() ->
        Status.FAILED_PRECONDITION.withDescription("confirmation: no tool call waits for "
            + "confirmation in session " + session.id()).asRuntimeException());
    if (!waiting.getCallId().equals(confirmation.getCallId())) {
      throw Status.INVALID_ARGUMENT.withDescription("confirmation.call_id: the waiting call is '"
          + waiting.getCallId() + "', got '" + confirmation.getCallId() + "'")
          .asRuntimeException();
    }
    ChatToolResult result = confirmation.getApproved() ? tools.run(waiting)
        : ToolRunner.refused(ChatToolResult.newBuilder().setCallId(waiting.getCallId())
            .setTool(waiting.getTool()), Status.CANCELLED.withDescription("declined by the user"));
    session.append(ChatServerMessage.newBuilder().setToolResult(result));
    rounds();
  }

  private void rounds() {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      ChatTurnResponse turn;
      try {
        turn = turn();
      } catch (TurnSpend.Refused e) {
        notice("budget", "RESOURCE_EXHAUSTED: the chat's LLM turn was not sent: "
            + e.getMessage(), true);
        return;
      } catch (StatusRuntimeException e) {
        notice("llm_unavailable", "the chat engine could not answer (" + e.getStatus().getCode()
            + ": " + e.getStatus().getDescription() + "); try again", true);
        return;
      }
      if (turn.getEngine().getFallback()) {
        notice("fallback", "the LLM chat engine failed and the offline intent parser answered: "
            + turn.getEngine().getFallbackReason(), false);
      }
      if (turn.getCallsCount() == 0) {
        answer(turn, true);
        return;
      }
      if (!turn.getReply().isBlank()) {
        answer(turn, false);
      }
      for (int i = 0; i < turn.getCallsCount(); i++) {
        ChatToolInvocation call = turn.getCalls(i);
        if (Tools.CONFIRMED.contains(call.getTool())) {
          ask(call, turn.getCallsCount() - i - 1);
          return;
        }
        ChatToolCall recorded = call(call).build();
        session.append(ChatServerMessage.newBuilder().setToolCall(recorded));
        session.append(ChatServerMessage.newBuilder().setToolResult(tools.run(recorded)));
      }
    }
    notice("rounds_exhausted", "stopped after " + MAX_ROUNDS + " rounds of tool calls for one "
        + "message; say what to do next", true);
  }

  /** A paid call: priced, stored and shown; it runs when the user confirms it. */
  private void ask(ChatToolInvocation invocation, int after) {
    if (after > 0) {
      notice("calls_deferred", after + " more tool call(s) of this answer were not run: they "
          + "came after " + invocation.getTool() + ", which waits for your confirmation", false);
    }
    ChatToolCall.Builder call = call(invocation).setNeedsConfirmation(true);
    CostReport estimate = tools.price(call.build());
    if (estimate != null) {
      call.setEstimate(estimate);
    }
    call.setSummary(Summaries.of(call.build()));
    session.append(ChatServerMessage.newBuilder().setToolCall(call).setAwaitingUser(true));
  }

  private static ChatToolCall.Builder call(ChatToolInvocation invocation) {
    return ChatToolCall.newBuilder().setCallId(invocation.getCallId())
        .setTool(invocation.getTool()).setArgumentsJson(invocation.getArgumentsJson());
  }

  private ChatTurnResponse turn() {
    ChatHistory history = new ChatHistory(session.messages());
    ChatContext.Builder context = history.context();
    if (!context.getJobId().isEmpty()) {
      try {
        Job job = tools.job(context.getJobId());
        context.setJobState(ToolRunner.state(job));
        if (job.hasResult()) {
          context.setClipCount(job.getResult().getPlan().getClipsCount());
        }
      } catch (StatusRuntimeException e) {
        context.clearJobId(); // gone (or never the caller's): nothing to talk about
      }
    }
    ChatTurnRequest.Builder request = ChatTurnRequest.newBuilder()
        .addAllHistory(history.forTurn(historyTokens)).addAllTools(Tools.SPECS)
        .setContext(context);
    // Held before it is sent and capped at the hold (see TurnSpend): the journal's rules.
    ChatTurnResponse response = spend.call(session.id(), most -> llm.withDeadlineAfter(2,
        TimeUnit.MINUTES).chatTurn(request.setOptions(LlmCallOptions.newBuilder()
            .setMaxSpendMicros(most)).build()));
    turnCost.addAll(response.getCostList());
    return response;
  }

  private void answer(ChatTurnResponse turn, boolean last) {
    session.append(ChatServerMessage.newBuilder().setAwaitingUser(last).setAnswer(
        ChatAnswer.newBuilder().setText(turn.getReply()).setEngine(turn.getEngine())
            .addAllCost(turnCost)));
    turnCost.clear();
  }

  private void notice(String code, String message, boolean last) {
    session.append(ChatServerMessage.newBuilder().setAwaitingUser(last)
        .setNotice(ChatNotice.newBuilder().setCode(code).setMessage(message)));
  }
}
