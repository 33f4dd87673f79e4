package dev.reelmesh.media.ffmpeg;

/**
 * FFmpeg exited non-zero. {@link #reason()} holds the last meaningful lines of its stderr, which
 * is usually the only explanation a caller can act on ("Invalid data found when processing input").
 */
public final class FfmpegException extends RuntimeException {
  private final int exitCode;
  private final String reason;
  private final String log;

  public FfmpegException(String what, int exitCode, String reason) {
    this(what, exitCode, reason, reason);
  }

  /** {@code log} is the whole captured stderr, for callers that look for more than the reason. */
  public FfmpegException(String what, int exitCode, String reason, String log) {
    super(what + " failed (ffmpeg exit " + exitCode + "): " + reason);
    this.exitCode = exitCode;
    this.reason = reason;
    this.log = log;
  }

  public String log() {
    return log;
  }

  public int exitCode() {
    return exitCode;
  }

  public String reason() {
    return reason;
  }
}
