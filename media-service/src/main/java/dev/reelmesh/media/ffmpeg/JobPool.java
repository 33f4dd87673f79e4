package dev.reelmesh.media.ffmpeg;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool every FFmpeg job runs on. gRPC transport threads never block on FFmpeg; they
 * hand the job here, and at most {@code size} jobs run at once (the rest queue), which bounds the
 * CPU and memory the service takes however many calls arrive.
 */
public final class JobPool implements AutoCloseable {
  private final ExecutorService executor;

  public JobPool(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("media pool size must be >= 1, got " + size);
    }
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "media-job-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  public void submit(Runnable job) {
    executor.execute(job);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
