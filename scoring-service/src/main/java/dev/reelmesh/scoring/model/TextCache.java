package dev.reelmesh.scoring.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small LRU of prompt embeddings per model version: the same prompt is scored against every
 * variation of a frame, so its text embedding is computed once. A swap brings a fresh cache,
 * because embeddings belong to the version that made them.
 */
final class TextCache {
  private final Map<String, float[]> map;

  TextCache(int capacity) {
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Computes outside the lock: two first callers may both compute; the result is the same. */
  float[] get(String key, Function<String, float[]> compute) {
    synchronized (map) {
      float[] hit = map.get(key);
      if (hit != null) {
        return hit;
      }
    }
    float[] value = compute.apply(key);
    synchronized (map) {
      map.put(key, value);
    }
    return value;
  }
}
