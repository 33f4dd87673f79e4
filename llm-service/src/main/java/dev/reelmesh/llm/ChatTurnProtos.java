package dev.reelmesh.llm;

import static dev.reelmesh.common.error.Statuses.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.llm.chat.ChatTurn;
import dev.reelmesh.llm.chat.ToolInvocation;
import dev.reelmesh.llm.chat.ToolSpec;
import dev.reelmesh.llm.chat.TurnAnswer;
import dev.reelmesh.llm.chat.TurnContext;
import dev.reelmesh.llm.chat.TurnMessage;
import dev.reelmesh.llm.engine.EngineReport;
import dev.reelmesh.llm.engine.Outcome;
import dev.reelmesh.v1.ChatToolInvocation;
import dev.reelmesh.v1.ChatTurnMessage;
import dev.reelmesh.v1.ChatTurnRequest;
import dev.reelmesh.v1.ChatTurnResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** ChatTurn at the edge: the request checked and turned into records, the answer back. */
final class ChatTurnProtos {
  /** The offline engine's name for chat: it reads intents, it writes no templates. */
  static final String OFFLINE_INTENTS = "offline-intents";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOOL_NAME = Pattern.compile("[a-z_]{1,64}");
  private static final int MAX_HISTORY = 200;
  private static final int MAX_TOOLS = 16;
  private static final int MAX_TEXT = 32_000;

  private ChatTurnProtos() {}

  static ChatTurn turn(ChatTurnRequest r) {
    if (r.getHistoryCount() == 0 || r.getHistoryCount() > MAX_HISTORY) {
      throw invalid("history", "must hold 1–" + MAX_HISTORY + " messages, got "
          + r.getHistoryCount());
    }
    if (r.getToolsCount() == 0 || r.getToolsCount() > MAX_TOOLS) {
      throw invalid("tools", "must offer 1–" + MAX_TOOLS + " tools, got " + r.getToolsCount());
    }
    List<ToolSpec> tools = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < r.getToolsCount(); i++) {
      var t = r.getTools(i);
      if (!TOOL_NAME.matcher(t.getName()).matches() || !names.add(t.getName())) {
        throw invalid("tools[" + i + "].name", "must be a unique [a-z_]{1,64} name, got '"
            + t.getName() + "'");
      }
      if (!isObject(t.getParametersSchemaJson())) {
        throw invalid("tools[" + i + "].parameters_schema_json", "must be a JSON schema object");
      }
      tools.add(new ToolSpec(t.getName(), t.getDescription(), t.getParametersSchemaJson()));
    }
    List<TurnMessage> history = new ArrayList<>();
    for (int i = 0; i < r.getHistoryCount(); i++) {
      history.add(message(r.getHistory(i), "history[" + i + "]"));
    }
    if (history.get(history.size() - 1).role() == TurnMessage.Role.ASSISTANT) {
      throw invalid("history", "must end with the user's words or tool results, not the "
          + "assistant's");
    }
    var c = r.getContext();
    return new ChatTurn(history, tools, new TurnContext(c.getJobId().strip(),
        c.getJobState().strip(), c.getClipCount(), c.getBrief().strip(), c.getDurationSeconds()));
  }

  private static TurnMessage message(ChatTurnMessage m, String field) {
    TurnMessage.Role role;
    try {
      role = TurnMessage.Role.valueOf(m.getRole().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(field + ".role", "must be user, assistant or tool, got '" + m.getRole() + "'");
    }
    if (m.getText().length() > MAX_TEXT) {
      throw invalid(field + ".text", "at most " + MAX_TEXT + " characters, got "
          + m.getText().length());
    }
    if (role == TurnMessage.Role.USER && m.getText().isBlank()) {
      throw invalid(field + ".text", "a user message must say something");
    }
    if (role == TurnMessage.Role.TOOL && (m.getCallId().isBlank() || m.getTool().isBlank())) {
      throw invalid(field + ".call_id", "a tool message names the call and tool it answers");
    }
    List<ToolInvocation> calls = new ArrayList<>();
    for (int j = 0; j < m.getCallsCount(); j++) {
      ChatToolInvocation call = m.getCalls(j);
      if (role != TurnMessage.Role.ASSISTANT || call.getCallId().isBlank()
          || !isObject(call.getArgumentsJson())) {
        throw invalid(field + ".calls[" + j + "]", "only an assistant calls tools, each with a "
            + "call_id and a JSON object of arguments");
      }
      calls.add(new ToolInvocation(call.getCallId(), call.getTool(), call.getArgumentsJson()));
    }
    return new TurnMessage(role, m.getText(), calls, m.getCallId(), m.getTool(), m.getOk(),
        m.getStatus());
  }

  static ChatTurnResponse response(Outcome<TurnAnswer> o, long startNanos) {
    EngineReport engine = o.engine();
    if (engine.engine().equals(EngineReport.OFFLINE)) {
      engine = new EngineReport(OFFLINE_INTENTS, "", engine.fallback(), engine.fallbackReason());
    }
    ChatTurnResponse.Builder b = ChatTurnResponse.newBuilder().setReply(o.value().reply())
        .setEngine(EngineProtos.info(engine, startNanos))
        .addAllCost(EngineProtos.costs(o.costs()));
    for (ToolInvocation call : o.value().calls()) {
      b.addCalls(ChatToolInvocation.newBuilder().setCallId(call.callId()).setTool(call.tool())
          .setArgumentsJson(call.argumentsJson()));
    }
    return b.build();
  }

  private static boolean isObject(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isObject();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
