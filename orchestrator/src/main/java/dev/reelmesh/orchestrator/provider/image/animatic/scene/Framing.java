package dev.reelmesh.orchestrator.provider.image.animatic.scene;

/**
 * How much of the scene the shot shows, as the share of the wide view's height that the
 * camera frames (1 = the whole stage, smaller = closer).
 */
public enum Framing {
  WIDE(1.0),
  MEDIUM(0.72),
  CLOSE(0.5),
  EXTREME_CLOSE(0.36);

  private final double viewHeight;

  Framing(double viewHeight) {
    this.viewHeight = viewHeight;
  }

  public double viewHeight() {
    return viewHeight;
  }

  public Framing closer() {
    return this == EXTREME_CLOSE ? this : values()[ordinal() + 1];
  }

  public Framing wider() {
    return this == WIDE ? this : values()[ordinal() - 1];
  }
}
