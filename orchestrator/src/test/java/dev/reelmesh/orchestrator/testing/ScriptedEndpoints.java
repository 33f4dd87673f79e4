package dev.reelmesh.orchestrator.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bookkeeping a fake provider server shares: how often each endpoint was called, and the
 * failures a test scripted for it (the next N calls, or every call).
 */
final class ScriptedEndpoints {
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, List<Integer>> failures = new ConcurrentHashMap<>();

  /** Counts a call to {@code endpoint}; returns the status it must fail with, or null. */
  Integer arrive(String endpoint) {
    counts.computeIfAbsent(endpoint, k -> new AtomicInteger()).incrementAndGet();
    List<Integer> queue = failures.get(endpoint);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      // A single negative entry means "always" with that status.
      return queue.isEmpty() ? null : queue.size() == 1 && queue.get(0) < 0
          ? Integer.valueOf(-queue.get(0)) : queue.remove(0);
    }
  }

  void failNext(String endpoint, int status, int times) {
    List<Integer> queue = failures.computeIfAbsent(endpoint,
        k -> Collections.synchronizedList(new ArrayList<>()));
    for (int i = 0; i < times; i++) {
      queue.add(status);
    }
  }

  void failAlways(String endpoint, int status) {
    failures.put(endpoint, Collections.synchronizedList(new ArrayList<>(List.of(-status))));
  }

  int count(String endpoint) {
    return counts.getOrDefault(endpoint, new AtomicInteger()).get();
  }

  int total() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
