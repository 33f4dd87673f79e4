package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.util.ArrayList;
import java.util.List;

/** Where the people stand: beside the subject, on its open side, facing it; riders on it. */
final class Figures {
  private Figures() {}

  static List<SceneGraph.Figure> place(List<CharacterSpec> cast, SceneGraph.Item subject,
      double centre, int side, double walk, double phase) {
    List<SceneGraph.Figure> out = new ArrayList<>();
    double x = centre + side * (subject == null ? -7.0 * (cast.size() - 1) : subject.size() * 0.5
        + 7);
    boolean rideable = subject != null && (subject.pictogram().name().equals("bicycle")
        || subject.pictogram().name().equals("motorcycle"));
    for (int i = 0; i < cast.size(); i++) {
      CharacterSpec c = cast.get(i);
      double height = switch (c.age()) {
        case CHILD -> 29;
        case ELDER -> 42;
        case ADULT -> 46 - 2 * (i % 2);
      };
      if (i == 0 && c.pose() == Pose.RIDING && rideable) {
        out.add(new SceneGraph.Figure(c, subject.x() + walk, subject.baseY() - subject.size()
            * 0.3, height * 0.8, -side, phase));
        continue;
      }
      int facing = subject == null ? (i % 2 == 0 ? 1 : -1) : -side;
      out.add(new SceneGraph.Figure(c, x + walk, Composer.FLOOR, height, facing, phase));
      x += side * (c.age() == Age.CHILD ? 11 : 14);
    }
    return out;
  }
}
