package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.awt.Color;
import java.util.List;

/**
 * One frame as things in a world, before any pixel: the stage (setting, horizon, floor), the
 * subject and props as pictograms, the people as figures, and the camera's view of it. The
 * world is {@code width} × 100 units; y grows downwards; things stand on their {@code baseY}.
 * It holds no text: labels belong to the contact sheet, never to a frame.
 *
 * @param subject the hero; null when the brief names nothing but people
 * @param composition the name of the variation's composition ("left third, low angle")
 */
public record SceneGraph(
    SettingKind setting, Camera camera, Stage stage, View view, Item subject, List<Item> props,
    List<Figure> figures, List<Color> palette, String light, String weather, String mood,
    String composition) {
  public SceneGraph {
    props = List.copyOf(props);
    figures = List.copyOf(figures);
    palette = List.copyOf(palette);
  }

  /** The world: its width, the horizon (or the foot of the back wall) and the floor line. */
  public record Stage(double width, double horizon, double floor, double surface) {
    public static final double HEIGHT = 100;
  }

  /** What the camera frames: a centre, a height in world units, a tilt in degrees. */
  public record View(double centreX, double centreY, double height, double tiltDegrees) {
    public double width(double aspect) {
      return height * aspect;
    }
  }

  /** A pictogram standing with its bottom centre at (x, baseY), {@code size} units tall. */
  public record Item(Pictogram pictogram, double x, double baseY, double size, Color colour) {
    public double top() {
      return baseY - size;
    }
  }

  /** A person, feet at (x, baseY), {@code height} units tall, facing +1 (right) or -1. */
  public record Figure(CharacterSpec spec, double x, double baseY, double height, int facing,
      double phase) {}
}
