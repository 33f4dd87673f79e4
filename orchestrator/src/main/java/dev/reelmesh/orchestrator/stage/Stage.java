package dev.reelmesh.orchestrator.stage;

/**
 * One stage of a job: which it is, the band of progress it reports in, and its work. The stages
 * are listed once, in order, in {@link Stages}; a run goes through the list.
 */
interface Stage {
  dev.reelmesh.v1.Stage id();

  Band band();

  void run(JobContext ctx);

  /** True when the job waits after this stage (the plan gate) instead of going on. */
  default boolean waitsAfter(JobContext ctx) {
    return false;
  }

  /** Percent of the whole job: a stage reports from {@code from} to {@code to}. */
  record Band(double from, double to) {
    /** The percent {@code fraction} (0–1) of the way through the band. */
    double at(double fraction) {
      return from + (to - from) * Math.max(0, Math.min(1, fraction));
    }
  }
}
