package dev.reelmesh.orchestrator.provider.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified completion callbacks, by provider job: a poller asks between polls whether one came
 * for its job and, if so, polls at once instead of sleeping out its backoff. Polling stays the
 * rule and the safety net: a lost callback only means the poller waits its normal pause.
 */
public final class Wakeups {
  /** Callbacks for jobs nobody polls (another orchestrator's, finished ones) are dropped past this. */
  static final int MAX_PENDING = 10_000;
  private final Map<String, Boolean> woken = new ConcurrentHashMap<>();

  /** A verified callback said {@code provider}'s job {@code id} changed. */
  public void wake(String provider, String id) {
    if (woken.size() >= MAX_PENDING) {
      woken.clear();
    }
    woken.put(provider + ":" + id, Boolean.TRUE);
  }

  /** Whether a callback came for the job since the last ask; asking clears it. */
  public boolean take(String provider, String id) {
    return woken.remove(provider + ":" + id) != null;
  }
}
