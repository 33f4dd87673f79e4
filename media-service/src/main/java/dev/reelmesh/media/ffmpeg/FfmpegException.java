package dev.reelmesh.media.ffmpeg;

/**
 * FFmpeg exited non-zero. {@link #reason()} holds the last meaningful lines of its stderr, which
 * is usually the only explanation a caller can act on ("Invalid data found when processing input").
 */
public final class FfmpegException extends RuntimeException {
  private final int exitCode;
  private final String reason;

  public FfmpegException(String what, int exitCode, String reason) {
    super(what + " failed (ffmpeg exit " + exitCode + "): " + reason);
    this.exitCode = exitCode;
    this.reason = reason;
  }

  public int exitCode() {
    return exitCode;
  }

  public String reason() {
    return reason;
  }
}
