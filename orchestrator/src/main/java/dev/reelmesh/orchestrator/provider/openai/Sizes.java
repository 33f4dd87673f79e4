package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.spec.FrameSize;

/** The sizes and lengths OpenAI accepts, nearest to what a job asks for. */
public final class Sizes {
  private Sizes() {}

  /** gpt-image-1 sizes: square, 3:2 landscape or 2:3 portrait, whichever aspect is nearest. */
  public static String image(FrameSize frame) {
    double aspect = (double) frame.width() / frame.height();
    if (aspect >= 1.25) {
      return "1536x1024";
    }
    if (aspect <= 0.8) {
      return "1024x1536";
    }
    return "1024x1024";
  }

  /** Sora's 720p sizes (the ones every Sora model accepts), by orientation. */
  public static String video(FrameSize frame) {
    return frame.height() > frame.width() ? "720x1280" : "1280x720";
  }

  static int width(String size) {
    return Integer.parseInt(size.substring(0, size.indexOf('x')));
  }

  static int height(String size) {
    return Integer.parseInt(size.substring(size.indexOf('x') + 1));
  }
}
