package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.spec.FrameSize;
import io.grpc.Status;
import java.util.List;

/** The sizes and lengths OpenAI accepts, nearest to what a job asks for. */
public final class Sizes {
  /** Sora renders these lengths only. */
  static final List<Integer> SORA_SECONDS = List.of(4, 8, 12);

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

  /**
   * The shortest Sora length that covers {@code needed} seconds; the stitch uses what it needs.
   * A clip longer than Sora's longest is refused before anything is paid.
   */
  public static int soraSeconds(double needed, int clipIndex) {
    for (int seconds : SORA_SECONDS) {
      if (seconds + 1e-6 >= needed) {
        return seconds;
      }
    }
    throw Status.FAILED_PRECONDITION.withDescription(String.format(
        "clip %d needs %.2f s but Sora renders at most %d s per clip; plan shorter clips "
            + "(a shorter duration or more clips) or use providers.video = \"motion\"",
        clipIndex + 1, needed, SORA_SECONDS.get(SORA_SECONDS.size() - 1))).asRuntimeException();
  }
}
