package dev.reelmesh.llm.engine.openai;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chat token prices in micro-dollars per 1,000 tokens (input, output). Source: OpenAI API pricing
 * page (platform.openai.com/docs/pricing), standard tier, as listed in 2025: gpt-4o $2.50/$10.00,
 * gpt-4o-mini $0.15/$0.60, gpt-4.1 $2.00/$8.00, gpt-4.1-mini $0.40/$1.60, gpt-4.1-nano
 * $0.10/$0.40, gpt-4-turbo $10/$30 per 1M tokens.
 *
 * <p>A model not listed is priced as the dearest listed one (gpt-4-turbo): the spend cap and the
 * ledger must never count less than a provider may bill, and a $0 price would let the job cap
 * never trigger. A local server that really is free declares its price (REELMESH_LLM_PRICE=0/0),
 * which {@link #of(String, Optional)} honours before the table.
 */
public final class PriceTable {
  /** A price per 1,000 tokens, and which table entry it came from (for the cost line). */
  public record Price(long inputMicrosPer1k, long outputMicrosPer1k, String source) {}

  private static final Map<String, Price> PRICES = Map.of(
      "gpt-4o", new Price(2_500, 10_000, "gpt-4o"),
      "gpt-4o-mini", new Price(150, 600, "gpt-4o-mini"),
      "gpt-4.1", new Price(2_000, 8_000, "gpt-4.1"),
      "gpt-4.1-mini", new Price(400, 1_600, "gpt-4.1-mini"),
      "gpt-4.1-nano", new Price(100, 400, "gpt-4.1-nano"),
      "gpt-4-turbo", new Price(10_000, 30_000, "gpt-4-turbo"));
  static final Price DEAREST = PRICES.values().stream()
      .max(Comparator.comparingLong(p -> p.inputMicrosPer1k() + p.outputMicrosPer1k())).orElseThrow();

  private PriceTable() {}

  /** The declared price when there is one, else the table's (the dearest for unknown models). */
  public static Price of(String model, Optional<Price> declared) {
    return declared.orElseGet(() -> of(model));
  }

  /** Price of a model; dated snapshots ("gpt-4o-2024-08-06") use their family's price. */
  static Price of(String model) {
    return listed(model).orElseGet(() -> new Price(DEAREST.inputMicrosPer1k(), DEAREST.outputMicrosPer1k(),
        "unknown model, priced as the dearest listed (" + DEAREST.source() + ")"));
  }

  /** True when the model (or its family) is in the table. */
  public static boolean known(String model) {
    return listed(model).isPresent();
  }

  private static Optional<Price> listed(String model) {
    String m = model.toLowerCase(Locale.ROOT);
    Price best = null;
    int bestLength = -1;
    for (Map.Entry<String, Price> e : PRICES.entrySet()) {
      if ((m.equals(e.getKey()) || m.startsWith(e.getKey() + "-")) && e.getKey().length() > bestLength
          && !(m.startsWith(e.getKey() + "-mini") || m.startsWith(e.getKey() + "-nano"))) {
        best = e.getValue();
        bestLength = e.getKey().length();
      }
    }
    return Optional.ofNullable(best);
  }

  public static long inputMicros(Price price, long tokens) {
    return micros(tokens, price.inputMicrosPer1k());
  }

  public static long outputMicros(Price price, long tokens) {
    return micros(tokens, price.outputMicrosPer1k());
  }

  private static long micros(long tokens, long per1k) {
    return Math.round(tokens * (double) per1k / 1000.0);
  }
}
