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
  /** Answered instead of a status: the server drops the connection without answering. */
  static final int DROP = 0;
  private volatile double flakyRate;
  private java.util.Random flakyDice = new java.util.Random(1);
  private final AtomicInteger flakyFailures = new AtomicInteger();
  /** The random failures an endpoint may get, where a test limited them (see limitFlaky). */
  private final Map<String, int[]> flakyKinds = new ConcurrentHashMap<>();
  private static final int[] ALL_KINDS = {-429, -500, DROP};

  /**
   * Counts a call to {@code endpoint}; returns the status it must fail with (negative: a random
   * failure, answered without a Retry-After), {@link #DROP}, or null.
   */
  Integer arrive(String endpoint) {
    counts.computeIfAbsent(endpoint, k -> new AtomicInteger()).incrementAndGet();
    if (flakyRate > 0) {
      synchronized (this) {
        if (flakyDice.nextDouble() < flakyRate) {
          flakyFailures.incrementAndGet();
          int kind = flakyDice.nextInt(3);
          int[] kinds = flakyKinds.getOrDefault(endpoint, ALL_KINDS);
          return kinds[kind % kinds.length];
        }
      }
    }
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

  /**
   * A share of every endpoint's calls fail at random (seeded): 429, 500 (both without a
   * Retry-After) or a dropped connection, a third each.
   */
  synchronized void flaky(double rate, long seed) {
    flakyRate = rate;
    flakyDice = new java.util.Random(seed);
  }

  /**
   * Random failures of {@code endpoint} are only {@code kinds} (-429, -500, DROP), drawn with the
   * same dice, so the other endpoints' failures do not move.
   */
  void limitFlaky(String endpoint, int... kinds) {
    flakyKinds.put(endpoint, kinds.clone());
  }

  int flakyFailures() {
    return flakyFailures.get();
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
