package dev.reelmesh.media.ffmpeg;

/** The bundled FFmpeg cannot run on this machine; the message says how to fix it. */
public final class FfmpegUnavailableException extends IllegalStateException {
  public FfmpegUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
