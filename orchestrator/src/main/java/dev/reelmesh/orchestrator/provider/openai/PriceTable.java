package dev.reelmesh.orchestrator.provider.openai;

import java.util.Locale;

/**
 * What OpenAI charges, in integer micro-dollars. Source: OpenAI's public price list
 * (platform.openai.com/docs/pricing, checked 2025-10): gpt-image-1 per image by quality and size;
 * sora-2 $0.10 and sora-2-pro $0.30 per second of 720p video ($0.50 above 720p); tts-1 $15 and
 * tts-1-hd $30 per million characters. gpt-4o-mini-tts is billed by tokens (about $0.015 a
 * minute); at roughly 1,000 characters a minute that is priced here as $15 per million
 * characters. Unknown models are priced as the dearest known one of their kind, so an estimate
 * errs high and a cap is never crossed by a guess that was too low.
 */
public final class PriceTable {
  private PriceTable() {}

  /** One image of {@code model} at {@code quality} and {@code size} ("1024x1024", ...). */
  public static long imageMicros(String model, String quality, String size) {
    boolean square = "1024x1024".equals(size);
    String q = quality.toLowerCase(Locale.ROOT);
    if (!model.startsWith("gpt-image-1")) {
      return square ? 167_000 : 250_000;
    }
    return switch (q) {
      case "low" -> square ? 11_000 : 16_000;
      case "medium" -> square ? 42_000 : 63_000;
      default -> square ? 167_000 : 250_000; // high and auto (auto may pick high)
    };
  }

  /** One second of video of {@code model} at {@code size} ("1280x720", ...). */
  public static long videoSecondMicros(String model, String size) {
    if ("sora-2".equals(model)) {
      return 100_000;
    }
    boolean above720p = size.contains("1792") || size.contains("1024");
    return above720p ? 500_000 : 300_000;
  }

  /** Whether {@code model} is one of the video models this table knows. */
  public static boolean knownVideo(String model) {
    return model.equals("sora-2") || model.equals("sora-2-pro");
  }

  /** One character of narration text for {@code model}. */
  public static long speechCharMicros(String model) {
    return switch (model) {
      case "tts-1", "gpt-4o-mini-tts" -> 15;
      default -> 30;
    };
  }
}
