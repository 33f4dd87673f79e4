package dev.reelmesh.scoring.engine;

import dev.reelmesh.scoring.image.RgbImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One request's images and prompt, plus a memo its scorers share: clip and aesthetic often read
 * the same vision model, and its embeddings are computed once per request, not once per scorer.
 */
public record ScoringInput(List<RgbImage> images, String prompt, Map<Object, Object> memo) {
  public static ScoringInput of(List<RgbImage> images, String prompt) {
    return new ScoringInput(List.copyOf(images), prompt, new ConcurrentHashMap<>());
  }

  /** The value for {@code key}, computed at most once per request. */
  @SuppressWarnings("unchecked")
  public <T> T memo(Object key, Function<Object, T> compute) {
    return (T) memo.computeIfAbsent(key, compute::apply);
  }
}
