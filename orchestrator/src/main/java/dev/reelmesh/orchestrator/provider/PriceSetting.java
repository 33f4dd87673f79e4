package dev.reelmesh.orchestrator.provider;

import java.math.BigDecimal;

/** A price an operator configures for a provider ("0.25" US dollars per second of video). */
public final class PriceSetting {
  private PriceSetting() {}

  /**
   * Integer micro-dollars per second of video.
   *
   * @throws IllegalArgumentException naming {@code variable} when {@code usd} is not a price in
   *     (0, 100]
   */
  public static long microsPerSecond(String variable, String usd) {
    try {
      BigDecimal value = new BigDecimal(usd.strip());
      if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new NumberFormatException();
      }
      return value.movePointRight(6).longValue();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + " must be US dollars per second of "
          + "video, more than 0 and at most 100, got '" + usd + "'");
    }
  }
}
