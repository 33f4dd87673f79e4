package dev.reelmesh.orchestrator.provider;

import io.grpc.Context;

/**
 * Who hears that a provider job moved in the provider's queue (fal's {@code queue_position}):
 * the job's run puts one in its gRPC Context, as it does the {@link ProviderCalls#RETRIES}
 * listener, so a poller on any thread the Context travels to reports each new position as a
 * job event. Without one (a provider test, a CLI check) positions are only logged.
 */
public interface QueueListener {
  Context.Key<QueueListener> KEY = Context.key("reelmesh-queue");

  /** The job {@code jobId} of {@code step} is now {@code position} in the provider's queue. */
  void queued(String step, String jobId, int position);

  /** Tells the current Context's listener, if it has one. */
  static void report(String step, String jobId, int position) {
    QueueListener listener = KEY.get();
    if (listener != null) {
      listener.queued(step, jobId, position);
    }
  }
}
