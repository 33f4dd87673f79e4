package dev.reelmesh.common.server;

/**
 * A service that publishes more health entries than its own name (the scoring service: one per
 * model). {@link ServiceHost} hands it the host's health manager once the server is up; from
 * then on it keeps the entries current itself.
 */
public interface HealthReporter {
  /** Where health entries go (grpc.health.v1.Health of the host). Thread-safe. */
  interface Sink {
    void set(String service, boolean serving);

    /** The entry is gone: health checks of it answer NOT_FOUND. */
    void clear(String service);
  }

  /** Called once, after the server started: publish every current entry, then keep them current. */
  void reportTo(Sink sink);
}
