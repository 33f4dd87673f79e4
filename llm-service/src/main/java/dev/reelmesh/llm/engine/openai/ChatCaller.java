package dev.reelmesh.llm.engine.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.reelmesh.llm.LlmConfig;
import dev.reelmesh.llm.engine.CallOptions;
import dev.reelmesh.llm.engine.Cost;
import dev.reelmesh.llm.engine.EngineFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One structured chat call through openai-java: JSON-schema response format, the client's own
 * retries off (failsafe owns them: 3 attempts, exponential backoff with jitter, on 429, 5xx and
 * I/O errors/timeouts), token usage priced into cost lines. Blocking: callers run it on the
 * service's worker executor, never on a gRPC transport thread.
 */
final class ChatCaller {
  private final OpenAIClient client;
  private final LlmConfig config;
  private final RetryPolicy<ChatCompletion> retry;

  ChatCaller(OpenAIClient client, LlmConfig config) {
    this.client = client;
    this.config = config;
    this.retry = RetryPolicy.<ChatCompletion>builder()
        .handleIf(ChatCaller::transient_)
        .withMaxAttempts(config.maxAttempts())
        .withBackoff(config.backoffBase(), config.backoffMax())
        .withJitter(0.25)
        .build();
  }

  String model() {
    return config.model();
  }

  ChatReply call(String stage, String system, String user, String schemaName,
      Map<String, Object> schema, long maxOutputTokens) throws EngineFailure {
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model(config.model())
        .addSystemMessage(system)
        .addUserMessage(user)
        .maxCompletionTokens(maxOutputTokens)
        .temperature(0.7)
        .responseFormat(ResponseFormatJsonSchema.builder()
            .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                .name(schemaName)
                .strict(true)
                .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                    .putAllAdditionalProperties(toJsonValues(schema))
                    .build())
                .build())
            .build())
        .build();
    long estimatedInput = dev.reelmesh.common.text.TokenEstimate.of(system, user) + 16;
    Sent sent = send(stage, params, estimatedInput, maxOutputTokens);
    com.openai.models.chat.completions.ChatCompletionMessage message = sent.message();
    List<Cost> costs = sent.costs();
    String content = message.content().orElse("").strip();
    if (content.isEmpty()) {
      throw new EngineFailure("the model returned an empty answer", costs, null);
    }
    return new ChatReply(content, costs);
  }

  /** The first choice's message of a completed call, and what the call cost. */
  record Sent(com.openai.models.chat.completions.ChatCompletionMessage message, List<Cost> costs) {}

  /**
   * Sends {@code params} once it is priced within the caller's cap (else no request is made),
   * with failsafe's retries, and prices the reported usage; refusals and malformed completions
   * are EngineFailures that carry what was spent.
   */
  Sent send(String stage, ChatCompletionCreateParams params, long estimatedInput,
      long maxOutputTokens) throws EngineFailure {
    // Priced before it is sent: a call that would cross the caller's cap is not made.
    CallOptions options = CallOptions.current();
    PriceTable.Price price = config.price();
    long estimate = PriceTable.inputMicros(price, estimatedInput) + PriceTable.outputMicros(price, maxOutputTokens);
    if (!options.fits(estimate)) {
      throw new EngineFailure(String.format(java.util.Locale.ROOT, "estimated $%.4f for this "
          + "call would cross the caller's spend cap ($%.4f left); no request was sent",
          estimate / 1e6, options.remainingMicros() / 1e6), List.of(), null);
    }
    ChatCompletion completion;
    try {
      completion = Failsafe.with(retry).get(() -> client.chat().completions().create(params));
    } catch (FailsafeException e) {
      throw new EngineFailure(describe(e.getCause() == null ? e : e.getCause()), List.of(), e);
    } catch (RuntimeException e) {
      throw new EngineFailure(describe(e), List.of(), e);
    }
    List<Cost> costs = List.of();
    com.openai.models.chat.completions.ChatCompletionMessage message;
    try {
      costs = costs(stage, completion.usage().orElse(null), estimatedInput, maxOutputTokens);
      options.spend(costs.stream().mapToLong(Cost::actualMicros).sum());
      if (completion.choices().isEmpty()) {
        throw new EngineFailure("the model returned no choices", costs, null);
      }
      message = completion.choices().get(0).message();
    } catch (RuntimeException e) {
      // openai-java validates lazily: a malformed completion surfaces here, not in create().
      throw new EngineFailure("malformed completion from the server: " + firstLine(e.getMessage()), costs, e);
    }
    if (message.refusal().isPresent()) {
      throw new EngineFailure("the model refused: " + message.refusal().get(), costs, null);
    }
    return new Sent(message, costs);
  }

  private List<Cost> costs(String stage, CompletionUsage usage, long estimatedInput, long maxOutput) {
    PriceTable.Price price = config.price();
    // An unknown or declared price says so on the bill, so nobody mistakes it for a list price.
    String m = config.model() + (PriceTable.known(config.model()) && config.declaredPrice().isEmpty() ? ""
        : " (" + price.source() + ")");
    long in = usage == null ? 0 : usage.promptTokens();
    long out = usage == null ? 0 : usage.completionTokens();
    List<Cost> costs = new ArrayList<>();
    costs.add(new Cost(stage, "openai", m + " input tokens", usage == null ? estimatedInput : in, "tokens",
        PriceTable.inputMicros(price, estimatedInput), PriceTable.inputMicros(price, in)));
    costs.add(new Cost(stage, "openai", m + " output tokens", usage == null ? maxOutput : out, "tokens",
        PriceTable.outputMicros(price, maxOutput), PriceTable.outputMicros(price, out)));
    return costs;
  }

  /** 429, 5xx and I/O failures (timeouts included) are worth another attempt; 4xx are not. */
  static boolean transient_(Throwable t) {
    return t instanceof RateLimitException || t instanceof InternalServerException
        || t instanceof OpenAIIoException || t instanceof OpenAIRetryableException
        || (t instanceof OpenAIServiceException s && (s.statusCode() >= 500 || s.statusCode() == 408));
  }

  private String describe(Throwable t) {
    String attempts = transient_(t) ? " after " + config.maxAttempts() + " attempts" : "";
    if (t instanceof OpenAIServiceException s) {
      return "HTTP " + s.statusCode() + attempts + " (" + firstLine(s.getMessage()) + ")";
    }
    if (t instanceof OpenAIIoException) {
      return "network error or timeout" + attempts + " (" + firstLine(String.valueOf(t.getMessage())) + ")";
    }
    return t.getClass().getSimpleName() + ": " + firstLine(String.valueOf(t.getMessage()));
  }

  private static String firstLine(String s) {
    String line = s == null ? "" : s.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  static Map<String, JsonValue> toJsonValues(Map<String, Object> schema) {
    Map<String, JsonValue> out = new java.util.LinkedHashMap<>();
    schema.forEach((k, v) -> out.put(k, JsonValue.from(v)));
    return out;
  }
}
