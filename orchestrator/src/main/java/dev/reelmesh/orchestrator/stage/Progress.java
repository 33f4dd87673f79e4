package dev.reelmesh.orchestrator.stage;

/**
 * Where a run is inside the stage it runs: the stage (with its band from {@link Stages}) and how
 * far through that band it has come. Stage bodies speak in fractions of their own band; this is
 * the one place a fraction becomes the job's percent, so every percentage comes from the band
 * list. Parallel clip renders finish out of order, so the position only ever moves forward.
 */
final class Progress {
  /** A point of the job's progress: the stage an event names and its overall percent. */
  record Point(dev.reelmesh.v1.Stage stage, double percent) {}

  private Stage stage;
  private double fraction;

  /** The run starts {@code next}: what follows is reported from the start of its band. */
  synchronized void enter(Stage next) {
    stage = next;
    fraction = 0;
  }

  /**
   * Moves to {@code fraction} (0–1) of the running stage's band, or stays where it is if it has
   * come further already, and says where that is. A fraction outside 0–1 is a stage's bug: it
   * would report outside its band, so it fails the run instead of being clamped quietly.
   */
  synchronized Point reach(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("progress fraction " + fraction + " of "
          + running().id() + " is outside 0–1");
    }
    this.fraction = Math.max(this.fraction, fraction);
    return here();
  }

  /** Where the run is now. */
  synchronized Point here() {
    return new Point(running().id(), running().band().at(fraction));
  }

  private Stage running() {
    if (stage == null) {
      throw new IllegalStateException("no stage is running: progress is reported by a stage");
    }
    return stage;
  }
}
