package dev.reelmesh.scoring.batch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many scoring requests are being worked on right now. A batcher waits for more images only
 * while some of these have not reached it yet; a lone caller never pays the batching delay.
 */
public final class RequestGauge {
  private final AtomicInteger inFlight = new AtomicInteger();

  public void enter() {
    inFlight.incrementAndGet();
  }

  public void exit() {
    inFlight.decrementAndGet();
  }

  public int current() {
    return inFlight.get();
  }
}
