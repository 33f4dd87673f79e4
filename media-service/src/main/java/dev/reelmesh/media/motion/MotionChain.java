package dev.reelmesh.media.motion;

import static dev.reelmesh.media.ffmpeg.Encoders.num;

/**
 * The filter-graph text of a camera move over one still (two for BLEND), exactly {@code frames}
 * frames of {@code width} x {@code height} at {@code fps}, yuv420p, square pixels. One definition
 * serves RenderMotionClip, Stitch's still segments and their previews, so a move looks the same
 * wherever it is rendered. Each still is decoded once: zoompan emits every frame from one decoded
 * picture, and the loop filter repeats one (its input must be read with {@code -framerate fps}).
 */
public final class MotionChain {
  /** How far in a zoom or pan goes (20 % of the frame). */
  private static final double TRAVEL = 0.2;
  /** How far the start-to-end blend and the glide push in over the shot. */
  private static final double GENTLE = 0.08;

  private MotionChain() {}

  /**
   * From input pad {@code start} (and {@code end} for BLEND, else ignored) to output pad
   * {@code out}, e.g. {@code "[0:v]"}, {@code "[1:v]"}, {@code "[v]"}; {@code tag} keeps the
   * chain's inner pad names unique within a larger graph.
   */
  public static String graph(MotionKind motion, int width, int height, double fps, int frames,
      String start, String end, String out, String tag) {
    String tail = ",setsar=1,format=yuv420p" + out;
    int last = Math.max(0, frames - 1);
    return switch (motion) {
      // A still frame needs no resampling per frame: scale once, repeat.
      case STATIC -> start + cover(width, height) + ",loop=loop=" + last + ":size=1:start=0"
          + tail;
      case BLEND -> {
        // xfade over the whole shot is the start-to-end blend; the gentle zoom runs at output
        // size, where at this slow speed zoompan's whole-pixel steps barely show.
        String still = cover(width, height) + ",loop=loop=" + last + ":size=1:start=0";
        yield start + still + "[" + tag + "a];" + end + still + "[" + tag + "b];[" + tag + "a]["
            + tag + "b]xfade=transition=fade:duration=" + num(frames / fps) + ":offset=0,"
            + "zoompan=z='1+" + GENTLE + "*on/" + Math.max(1, last) + "':x='iw/2-(iw/zoom/2)'"
            + ":y='ih/2-(ih/zoom/2)':d=1:s=" + width + "x" + height + ":fps=" + num(fps) + tail;
      }
      // Working at twice the output size keeps sub-pixel motion smooth instead of stepping a
      // pixel at a time.
      default -> start + cover(2 * width, 2 * height) + "," + zoompan(motion, width, height, fps,
          frames) + tail;
    };
  }

  /** Scale to fill w x h and crop the overflow, square pixels. */
  static String cover(int w, int h) {
    return "scale=" + w + ":" + h + ":force_original_aspect_ratio=increase,crop=" + w + ":" + h
        + ",setsar=1";
  }

  private static String zoompan(MotionKind motion, int width, int height, double fps,
      int frames) {
    String p = "on/" + Math.max(1, frames - 1); // 0 → 1 across the shot
    String zoomed = num(1 + TRAVEL);
    String z = zoomed;
    String x = "iw/2-(iw/zoom/2)";
    String y = "ih/2-(ih/zoom/2)";
    switch (motion) {
      case ZOOM_IN -> z = "1+" + TRAVEL + "*" + p;
      case ZOOM_OUT -> z = zoomed + "-" + TRAVEL + "*" + p;
      case PAN_LEFT -> x = "(iw-iw/zoom)*(1-" + p + ")";
      case PAN_RIGHT -> x = "(iw-iw/zoom)*" + p;
      case PAN_UP -> y = "(ih-ih/zoom)*(1-" + p + ")";
      case PAN_DOWN -> y = "(ih-ih/zoom)*" + p;
      case GLIDE -> {
        // Sideways across the middle 70 % of the free width while pushing in a little.
        z = num(1 + TRAVEL - GENTLE) + "+" + GENTLE + "*" + p;
        x = "(iw-iw/zoom)*(0.15+0.7*" + p + ")";
      }
      default -> throw new IllegalArgumentException("not a one-still zoompan move: " + motion);
    }
    return "zoompan=z='" + z + "':x='" + x + "':y='" + y + "':d=" + frames + ":s=" + width + "x"
        + height + ":fps=" + num(fps);
  }
}
