package dev.reelmesh.llm.engine.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reelmesh.common.text.TokenEstimate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.reelmesh.llm.chat.ChatTurn;
import dev.reelmesh.llm.chat.ToolInvocation;
import dev.reelmesh.llm.chat.ToolSpec;
import dev.reelmesh.llm.chat.TurnAnswer;
import dev.reelmesh.llm.chat.TurnContext;
import dev.reelmesh.llm.chat.TurnMessage;
import dev.reelmesh.llm.engine.EngineFailure;
import dev.reelmesh.llm.engine.Priced;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A chat turn with OpenAI tool calling: the history as chat messages, the offered tools as
 * function tools, the answer's words and function calls. A call of a tool not on offer, or with
 * arguments that are not a JSON object, makes the whole answer unusable (an EngineFailure: the
 * router falls back and says so), so a malformed call never reaches the caller.
 */
final class ToolChat {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_OUTPUT_TOKENS = 800;
  private final ChatCaller chat;

  ToolChat(ChatCaller chat) {
    this.chat = chat;
  }

  Priced<TurnAnswer> turn(ChatTurn turn) throws EngineFailure {
    String system = Prompts.CHAT + context(turn.context());
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
        .model(chat.model()).addSystemMessage(system).maxCompletionTokens(MAX_OUTPUT_TOKENS)
        .temperature(0.2);
    // The hold's input estimate: TokenEstimate over what is sent, plus the orchestrator's
    // per-message framing (its TokenBudget cut the history by the same rule).
    long tokens = TokenEstimate.of(system) + 16;
    for (ToolSpec tool : turn.tools()) {
      params.addFunctionTool(FunctionDefinition.builder().name(tool.name())
          .description(tool.description()).parameters(FunctionParameters.builder()
              .putAllAdditionalProperties(schema(tool)).build()).build());
      tokens += TokenEstimate.of(tool.name(), tool.description(), tool.schemaJson());
    }
    for (TurnMessage m : turn.history()) {
      tokens += TokenEstimate.PER_MESSAGE + TokenEstimate.of(m.text(), m.callId(), m.tool());
      for (dev.reelmesh.llm.chat.ToolInvocation call : m.calls()) {
        tokens += TokenEstimate.of(call.callId(), call.tool(), call.argumentsJson());
      }
      switch (m.role()) {
        case USER -> params.addUserMessage(m.text());
        case TOOL -> params.addMessage(ChatCompletionToolMessageParam.builder()
            .toolCallId(m.callId()).content(m.text()).build());
        case ASSISTANT -> params.addMessage(assistant(m));
      }
    }
    ChatCaller.Sent sent = chat.send("chat", params.build(), tokens, MAX_OUTPUT_TOKENS);
    return new Priced<>(answer(turn, sent.message(), sent), sent.costs());
  }

  private static ChatCompletionAssistantMessageParam assistant(TurnMessage m) {
    ChatCompletionAssistantMessageParam.Builder b = ChatCompletionAssistantMessageParam.builder();
    if (!m.text().isEmpty()) {
      b.content(m.text());
    }
    for (ToolInvocation call : m.calls()) {
      b.addToolCall(ChatCompletionMessageFunctionToolCall.builder().id(call.callId())
          .function(ChatCompletionMessageFunctionToolCall.Function.builder().name(call.tool())
              .arguments(call.argumentsJson()).build()).build());
    }
    return b.build();
  }

  private static TurnAnswer answer(ChatTurn turn, ChatCompletionMessage message,
      ChatCaller.Sent sent) throws EngineFailure {
    List<ToolInvocation> calls = new ArrayList<>();
    try {
      for (ChatCompletionMessageToolCall call : message.toolCalls().orElse(List.of())) {
        if (!call.isFunction()) {
          throw new EngineFailure("the model made a non-function tool call", sent.costs(), null);
        }
        ChatCompletionMessageFunctionToolCall f = call.asFunction();
        String name = f.function().name();
        if (!turn.offers(name)) {
          throw new EngineFailure("the model called '" + name + "', which is not on offer",
              sent.costs(), null);
        }
        JsonNode args = parseArguments(name, f.function().arguments(), sent);
        calls.add(new ToolInvocation(f.id(), name, args.toString()));
      }
    } catch (RuntimeException e) {
      // openai-java validates lazily: a malformed tool call surfaces on access.
      throw new EngineFailure("malformed tool call from the server: " + e.getMessage(),
          sent.costs(), e);
    }
    String reply = message.content().orElse("").strip();
    if (reply.isEmpty() && calls.isEmpty()) {
      throw new EngineFailure("the model answered neither words nor tool calls", sent.costs(),
          null);
    }
    return new TurnAnswer(reply, calls);
  }

  private static JsonNode parseArguments(String tool, String arguments, ChatCaller.Sent sent)
      throws EngineFailure {
    try {
      JsonNode args = JSON.readTree(arguments);
      if (args == null || !args.isObject()) {
        throw new EngineFailure("the arguments of '" + tool + "' are not a JSON object",
            sent.costs(), null);
      }
      return args;
    } catch (JsonProcessingException e) {
      throw new EngineFailure("the arguments of '" + tool + "' are not valid JSON: "
          + e.getOriginalMessage(), sent.costs(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, JsonValue> schema(ToolSpec tool) {
    try {
      return ChatCaller.toJsonValues(JSON.readValue(tool.schemaJson(), Map.class));
    } catch (JsonProcessingException e) {
      // The edge checked every schema before the turn started.
      throw new IllegalStateException("tool " + tool.name() + " has a schema that is not JSON", e);
    }
  }

  private static String context(TurnContext c) {
    if (!c.hasJob() && c.brief().isEmpty()) {
      return "\nNo job yet in this conversation.";
    }
    return "\nThe conversation is about job " + (c.hasJob() ? c.jobId() + " (" + c.jobState()
        + ", " + c.clipCount() + " clips)" : "none yet") + (c.brief().isEmpty() ? ""
        : "; last brief: \"" + c.brief() + "\"") + ".";
  }
}
