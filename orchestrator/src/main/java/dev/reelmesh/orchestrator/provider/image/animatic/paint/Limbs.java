package dev.reelmesh.orchestrator.provider.image.animatic.paint;

import dev.reelmesh.orchestrator.provider.image.animatic.scene.Pose;

/**
 * Limb angles of a pose, degrees from straight down, positive toward where the figure faces.
 * {@code forearm} scales the arm's angle for the forearm (1 = straight arm).
 */
record Limbs(double[] legs, double[] arms, double forearm, boolean sitting) {
  static Limbs of(Pose pose, double phase, int facing) {
    double swing = (phase < 0.5 ? 1 : -1) * 22;
    Limbs l = switch (pose) {
      case WALKING -> new Limbs(new double[] {swing, -swing}, new double[] {-swing, swing}, 1.2,
          false);
      case DANCING -> new Limbs(new double[] {-14 - swing / 3, 14}, new double[] {150 + swing,
          -150 + swing / 2}, 1.1, false);
      case SITTING, RIDING -> new Limbs(new double[] {80, 70}, new double[] {40, 55}, 1.4, true);
      case CARRYING -> new Limbs(new double[] {8, -6}, new double[] {75, 65}, 1.0, false);
      case WAVING -> new Limbs(new double[] {6, -6}, new double[] {-10, 150 + swing / 2}, 1.15,
          false);
      case WORKING -> new Limbs(new double[] {6, -6}, new double[] {55 + swing / 3, 80}, 1.5,
          false);
      case STANDING -> new Limbs(new double[] {5, -5}, new double[] {12, -12}, 1.0, false);
    };
    if (facing < 0) {
      return new Limbs(flip(l.legs), flip(l.arms), l.forearm, l.sitting);
    }
    return l;
  }

  private static double[] flip(double[] angles) {
    double[] out = new double[angles.length];
    for (int i = 0; i < angles.length; i++) {
      out[i] = -angles[i];
    }
    return out;
  }
}
