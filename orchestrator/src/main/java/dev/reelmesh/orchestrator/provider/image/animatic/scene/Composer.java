package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lays a {@link SceneBrief} out as a {@link SceneGraph}: the subject where the composition puts
 * it, on the table indoors or the ground outdoors; the people beside it, facing it; props on
 * the other side; then the camera's view, from the shot's framing, the composition's scale and
 * the camera move (the end frame is where the move arrives).
 */
public final class Composer {
  /** The world is wider than the widest view, so a pan has somewhere to go. */
  static final double WORLD_OVERSCAN = 1.4;
  static final double FLOOR = 88;
  static final double SURFACE = 71;
  /** Things that stand on the floor even indoors. */
  private static final Set<String> LARGE = Set.of("bicycle", "automobile", "delivery truck",
      "motorcycle", "racing car", "person mountain biking", "sailboat", "ship", "robot",
      "bus", "house", "dog face", "dog");

  private Composer() {}

  public static SceneGraph compose(SceneBrief brief, double aspect, boolean end,
      Composition comp) {
    double width = 100 * aspect * WORLD_OVERSCAN;
    Pictogram hero = brief.subject().isEmpty() ? null : Pictograms.shared().find(brief.subject());
    // Indoors small things stand on a table; big ones (a bicycle) on the floor, with no table.
    double surface = brief.setting().indoor() && (hero == null || !LARGE.contains(hero.name()))
        ? SURFACE : 0;
    int side = comp.placement() < 0.5 ? 1 : -1;
    double centre = width / 2;
    boolean withPeople = !brief.characters().isEmpty();
    SceneGraph.Item subject = null;
    if (!brief.subject().isEmpty()) {
      Pictogram glyph = hero == null ? Pictogram.placeholder(brief.subject()) : hero;
      double size = (withPeople ? 24 : 34) * comp.size();
      double base = surface > 0 ? surface : FLOOR;
      subject = new SceneGraph.Item(glyph, centre, base, size, subjectColour(brief));
    }
    double phase = end ? 1 : 0;
    double walk = end && brief.camera().move() == CameraMove.TRACK ? 12 * side : 0;
    List<SceneGraph.Figure> figures = Figures.place(brief.characters(), subject, centre, side,
        walk, phase);
    List<SceneGraph.Item> props = props(brief, subject, centre, side, surface);
    double focusX = subject != null ? subject.x()
        : figures.stream().mapToDouble(SceneGraph.Figure::x).average().orElse(centre);
    // People as the subject: frame their upper bodies, where faces and gestures are.
    double focusY = subject != null ? subject.baseY() - subject.size() / 2 : FLOOR - 32;
    double need = subject != null ? subject.size() / 0.8 : 40;
    SceneGraph.View view = View.of(brief.camera(), comp, end, width, aspect, focusX + walk,
        focusY, need);
    return new SceneGraph(brief.setting(), brief.camera(), new SceneGraph.Stage(width, comp.angle().horizon,
        FLOOR, surface), view, subject, props, figures, brief.palette(), brief.light(),
        brief.weather(), brief.mood(), comp.name());
  }

  private static List<SceneGraph.Item> props(SceneBrief brief, SceneGraph.Item subject,
      double centre, int side, double surface) {
    List<SceneGraph.Item> out = new ArrayList<>();
    double size = subject == null ? 16 : subject.size() * 0.5;
    double clear = subject == null ? 10 + 7 * brief.characters().size() : subject.size() * 0.55;
    double x = centre - side * (clear + size * 0.7);
    for (int i = 0; i < brief.props().size(); i++) {
      Pictogram p = Pictograms.shared().find(brief.props().get(i));
      // "nets" and a fisherman's rod are one pictogram: each thing is drawn once.
      String name = p == null ? null : p.name();
      if (p == null || (subject != null && subject.pictogram().name().equals(name))
          || out.stream().anyMatch(o -> o.pictogram().name().equals(name))) {
        continue;
      }
      double base = surface > 0 && !LARGE.contains(p.name()) ? surface : FLOOR;
      out.add(new SceneGraph.Item(p, x, base, size, brief.palette().get((i + 1)
          % brief.palette().size())));
      x -= side * size * 1.15;
    }
    return out;
  }

  /** The brief's colour for the subject, else the palette's most saturated colour. */
  static Color subjectColour(SceneBrief brief) {
    if (brief.subjectColour() != null) {
      return brief.subjectColour();
    }
    Color best = brief.palette().get(0);
    float bestSat = -1;
    for (Color c : brief.palette()) {
      float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
      float score = hsb[1] * (0.3f + hsb[2]);
      if (score > bestSat) {
        bestSat = score;
        best = c;
      }
    }
    return best;
  }
}
