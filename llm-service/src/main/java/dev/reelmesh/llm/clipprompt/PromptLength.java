package dev.reelmesh.llm.clipprompt;

import dev.reelmesh.llm.plan.VideoFamily;

/**
 * How long one clip prompt must be for its model family, both ends (Prompt Generator PRD):
 * SVD-like models want concise directive prompts of 50–150 words; CogVideoX-like ones use fuller
 * narrative context, 100 words up to the 200-word cap; Sora-style shots are 20–45 words; generic
 * prompts only stay under 200.
 */
public record PromptLength(int min, int max, String style) {
  public static PromptLength of(VideoFamily family) {
    return switch (family) {
      case SVD -> new PromptLength(50, 150, "concise and directive: action, then camera, then style, then quality"
          + " modifiers; no narrative or poetic language");
      case COGVIDEOX -> new PromptLength(100, 199, "narrative: flowing full sentences that set the scene, follow"
          + " the action and the camera, and describe light, colour and atmosphere");
      case SORA -> new PromptLength(20, 45, "one continuous four-second shot in 1-2 sentences, one camera move");
      case GENERIC -> new PromptLength(1, 199, "vivid and specific");
    };
  }

  boolean fits(int words) {
    return words >= min && words <= max;
  }
}
