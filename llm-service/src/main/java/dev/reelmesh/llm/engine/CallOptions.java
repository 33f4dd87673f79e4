package dev.reelmesh.llm.engine;

import static dev.reelmesh.common.error.Statuses.invalid;

import dev.reelmesh.v1.LlmCallOptions;
import io.grpc.Context;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The caller's choices for one request: which engine, and how much its paid calls may spend.
 * They travel in the gRPC Context, so every engine call the request makes (a writer/critic loop
 * makes several) sees the same choice and draws on the same cap.
 */
public final class CallOptions {
  public enum Engine { CONFIGURED, OFFLINE, OPENAI }

  private static final Context.Key<CallOptions> KEY = Context.key("reelmesh-llm-call-options");
  private static final CallOptions DEFAULT = new CallOptions(Engine.CONFIGURED, 0);

  private final Engine engine;
  private final long maxSpendMicros;
  private final AtomicLong spent = new AtomicLong();

  private CallOptions(Engine engine, long maxSpendMicros) {
    this.engine = engine;
    this.maxSpendMicros = maxSpendMicros;
  }

  /** Validates the request's options; each problem is INVALID_ARGUMENT naming the field. */
  public static CallOptions from(LlmCallOptions options) {
    Engine engine = switch (options.getEngine().strip().toLowerCase(Locale.ROOT)) {
      case "" -> Engine.CONFIGURED;
      case "offline" -> Engine.OFFLINE;
      case "openai" -> Engine.OPENAI;
      default -> throw invalid("options.engine", "must be '', 'offline' or 'openai', got '"
          + options.getEngine() + "'");
    };
    if (options.getMaxSpendMicros() < 0) {
      throw invalid("options.max_spend_micros", "must be >= 0 (0 = no cap), got "
          + options.getMaxSpendMicros());
    }
    return new CallOptions(engine, options.getMaxSpendMicros());
  }

  /** The options of the request this thread works for (defaults outside a request). */
  public static CallOptions current() {
    CallOptions options = KEY.get();
    return options == null ? DEFAULT : options;
  }

  public Context attachTo(Context context) {
    return context.withValue(KEY, this);
  }

  public Engine engine() {
    return engine;
  }

  /** True when a paid call estimated at {@code micros} stays within the cap. */
  public boolean fits(long micros) {
    return maxSpendMicros == 0 || spent.get() + micros <= maxSpendMicros;
  }

  public long remainingMicros() {
    return maxSpendMicros == 0 ? Long.MAX_VALUE : Math.max(0, maxSpendMicros - spent.get());
  }

  public void spend(long micros) {
    spent.addAndGet(Math.max(0, micros));
  }
}
