package dev.reelmesh.media.audio;

import java.nio.file.Path;
import java.util.List;

/**
 * A soundtrack rendered ahead of the final encode: {@code wav} holds the ducked, levelled mix
 * (32-bit float, so nothing clips before the gain) and {@code gainChain} the normalisation still
 * to apply. The final run adds {@link #graph} with the WAV as one of its inputs; its cost there
 * is a gain, a meter and the AAC encode.
 */
public record PreparedMix(Path wav, String gainChain) {
  private static final String METER = "out";

  /**
   * Filter graph text taking input {@code input} (the WAV) to the encoder's {@code [aout]}. The
   * encoded samples are metered on their way (asplit into {@code [metered]}, which
   * {@link #meterOutput} sends to a null output), which saves decoding the written file again.
   * For speech and music AAC at 160k moves integrated loudness by a few tenths of a LU at most.
   */
  public String graph(int input) {
    return "[" + input + ":a]" + gainChain + ",asplit=2[aout][meter];[meter]ebur128@" + METER
        + "=peak=true:framelog=verbose[metered]";
  }

  /**
   * Output arguments for the meter; they go after the real output. The run needs
   * {@code -loglevel info} for the summary to be printed. No {@code -t} on the real output:
   * {@code [aout]} is already exactly the soundtrack length, and an output closed by -t while
   * asplit still feeds the meter can stall FFmpeg's scheduler.
   */
  public static List<String> meterOutput() {
    return List.of("-map", "[metered]", "-f", "null", "-");
  }

  /** The meter's reading from the final run's log. */
  public static LoudnessReading loudness(String stderr) {
    return LoudnessLog.ebur128(stderr, METER);
  }
}
