package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One variation's composition: where the subject sits across the frame, how big it is, how
 * close the view is relative to the shot's framing, and the camera's angle. Variations of a
 * frame draw different compositions, in an order shuffled per frame, so no variation slot is
 * the "good" one by construction.
 */
public record Composition(String name, double placement, double size, double viewScale,
    Angle angle) {
  public enum Angle {
    EYE(58, 0), LOW(70, 0), HIGH(42, 0), DUTCH(58, 5);

    final double horizon;
    final double tilt;

    Angle(double horizon, double tilt) {
      this.horizon = horizon;
      this.tilt = tilt;
    }
  }

  private static final List<Composition> BASE = List.of(
      new Composition("left third, eye level", 1 / 3.0, 1.0, 1.0, Angle.EYE),
      new Composition("right third, low angle", 2 / 3.0, 1.15, 0.88, Angle.LOW),
      new Composition("centred, high angle", 0.5, 0.85, 1.12, Angle.HIGH),
      new Composition("left of centre, tilted, close", 0.42, 1.3, 0.8, Angle.DUTCH),
      new Composition("right third, high angle, small", 0.64, 0.75, 1.0, Angle.HIGH),
      new Composition("centred, low angle, large", 0.5, 1.35, 0.85, Angle.LOW));

  /** {@code count} distinct compositions in a per-frame order fixed by {@code seed}. */
  public static List<Composition> forFrame(int count, long seed) {
    List<Composition> pool = new ArrayList<>(BASE);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = pool.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Composition t = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, t);
    }
    List<Composition> out = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      Composition c = pool.get(v % pool.size());
      if (v >= pool.size()) {
        // More variations than compositions: the same layout, mirrored and a little resized.
        c = new Composition(c.name + ", mirrored", 1 - c.placement, c.size * 0.92,
            c.viewScale * 1.05, c.angle);
      }
      out.add(c);
    }
    return out;
  }
}
