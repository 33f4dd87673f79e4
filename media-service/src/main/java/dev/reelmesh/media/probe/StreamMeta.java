package dev.reelmesh.media.probe;

/** One stream as ffprobe sees it; numbers are 0 when the container does not say. */
public record StreamMeta(int index, String type, String codec, int width, int height, double fps,
    int sampleRate, int channels, double durationSeconds, String pixelFormat,
    String sampleAspectRatio) {

  public boolean isVideo() {
    return type.equals("video");
  }

  public boolean isAudio() {
    return type.equals("audio");
  }
}
