package dev.reelmesh.orchestrator.provider.registry;

import dev.reelmesh.v1.AspectRatio;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one provider model accepts, so the planner and the clip stage ask only for what it can do
 * (clip lengths snapped to its allowed seconds, its size per aspect, references trimmed).
 *
 * @param seconds the clip lengths it renders, ascending; empty = any length in
 *     [minSeconds, maxSeconds]
 * @param sizes the output size it renders per aspect ratio it supports ("1280x720"); its key set
 *     is the aspects it takes
 * @param startFrame whether it animates from a given first frame (image-to-video)
 * @param endFrame whether it also takes a last frame
 * @param maxReferenceImages how many reference images it takes beside the frames (0 = none)
 * @param negativePrompt whether it takes a negative prompt
 * @param maxPromptChars the longest prompt it accepts (0 = no stated limit)
 */
public record Capabilities(
    List<Integer> seconds,
    double minSeconds,
    double maxSeconds,
    Map<AspectRatio, String> sizes,
    boolean startFrame,
    boolean endFrame,
    int maxReferenceImages,
    boolean negativePrompt,
    int maxPromptChars) {

  /** No stated limits: the built-in engines. */
  public static Capabilities any() {
    return new Capabilities(List.of(), 0, Double.MAX_VALUE, Map.of(), true, true,
        Integer.MAX_VALUE, true, 0);
  }

  public Capabilities {
    seconds = List.copyOf(seconds);
    sizes = Map.copyOf(sizes);
  }

  /** The aspects it takes; empty = any. */
  public Set<AspectRatio> aspects() {
    return sizes.keySet();
  }

  /**
   * The shortest length it renders that covers {@code needed} seconds (the clip is trimmed to
   * its slot in the final Stitch), or its longest when none does (the slot must then shrink).
   */
  public double snap(double needed) {
    if (seconds.isEmpty()) {
      return Math.max(minSeconds, Math.min(maxSeconds, needed));
    }
    for (int s : seconds) {
      if (s + 1e-9 >= needed) {
        return s;
      }
    }
    return seconds.get(seconds.size() - 1);
  }
}
