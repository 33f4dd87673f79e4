package dev.reelmesh.llm.engine.openai;

import java.util.Locale;
import java.util.Map;

/**
 * Chat token prices in micro-dollars per 1,000 tokens (input, output). Source: OpenAI API pricing
 * page (platform.openai.com/docs/pricing), standard tier, as listed in 2025: gpt-4o $2.50/$10.00,
 * gpt-4o-mini $0.15/$0.60, gpt-4.1 $2.00/$8.00, gpt-4.1-mini $0.40/$1.60, gpt-4.1-nano
 * $0.10/$0.40, gpt-4-turbo $10/$30 per 1M tokens. Models not listed (local servers) cost 0.
 */
public final class PriceTable {
  record Price(long inputMicrosPer1k, long outputMicrosPer1k) {}

  private static final Map<String, Price> PRICES = Map.of(
      "gpt-4o", new Price(2_500, 10_000),
      "gpt-4o-mini", new Price(150, 600),
      "gpt-4.1", new Price(2_000, 8_000),
      "gpt-4.1-mini", new Price(400, 1_600),
      "gpt-4.1-nano", new Price(100, 400),
      "gpt-4-turbo", new Price(10_000, 30_000));

  private PriceTable() {}

  /** Price of a model; dated snapshots ("gpt-4o-2024-08-06") use their family's price. */
  static Price of(String model) {
    String m = model.toLowerCase(Locale.ROOT);
    Price best = null;
    int bestLength = -1;
    for (Map.Entry<String, Price> e : PRICES.entrySet()) {
      if ((m.equals(e.getKey()) || m.startsWith(e.getKey() + "-")) && e.getKey().length() > bestLength
          && !(m.startsWith(e.getKey() + "-mini") || m.startsWith(e.getKey() + "-nano")) ) {
        best = e.getValue();
        bestLength = e.getKey().length();
      }
    }
    return best == null ? new Price(0, 0) : best;
  }

  public static long inputMicros(String model, long tokens) {
    return micros(tokens, of(model).inputMicrosPer1k());
  }

  public static long outputMicros(String model, long tokens) {
    return micros(tokens, of(model).outputMicrosPer1k());
  }

  public static boolean priced(String model) {
    return of(model).inputMicrosPer1k() > 0;
  }

  private static long micros(long tokens, long per1k) {
    return Math.round(tokens * (double) per1k / 1000.0);
  }
}
