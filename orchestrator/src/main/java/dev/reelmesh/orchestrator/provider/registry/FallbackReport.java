package dev.reelmesh.orchestrator.provider.registry;

/** Where a job's fallback chain says that it moved on: the job's {@code fallback} events. */
@FunctionalInterface
public interface FallbackReport {
  /**
   * @param wanted the element passed over ("fal:kling-2.1")
   * @param used the element used next
   * @param clip the clip that met it; -1 when job-wide (an unconfigured provider)
   */
  void fellBack(Role role, String wanted, String used, String reason, int clip);
}
