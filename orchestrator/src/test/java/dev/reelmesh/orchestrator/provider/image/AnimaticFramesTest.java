package dev.reelmesh.orchestrator.provider.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.provider.image.animatic.scene.Framing;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneGraph;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames as pixels: clean (no text, no trace of the previous frame), framed by the camera word. */
class AnimaticFramesTest {
  static final FrameSize SIZE = new FrameSize(320, 180);
  static final String MUG = "30-second ad for a red ceramic mug on a wooden desk, cosy morning";
  @TempDir Path dir;

  private List<BufferedImage> render(ScenePlan plan, int clip, FrameKind kind, String prompt,
      Path reference, List<Path> anchors, String name) throws Exception {
    ImageRequest request = new ImageRequest(prompt, plan, clip, kind, 4, SIZE, 5, reference,
        anchors, dir.resolve(name));
    List<BufferedImage> out = new java.util.ArrayList<>();
    for (Path p : new AnimaticImageProvider().generate(request)) {
      out.add(ImageIO.read(p.toFile()));
    }
    return out;
  }

  static double meanDifference(BufferedImage a, BufferedImage b) {
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y), q = b.getRGB(x, y);
        for (int s = 0; s <= 16; s += 8) {
          sum += Math.abs(((p >> s) & 0xff) - ((q >> s) & 0xff));
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  static boolean samePixels(BufferedImage a, BufferedImage b) {
    return meanDifference(a, b) == 0;
  }

  @Test
  void framesCarryNoTextFromTheClipOrThePlan() throws Exception {
    // Descriptions, narration, title and prompt wording that names nothing drawable: had any of
    // it been drawn (a caption, a "clip 1 · start" label), the pixels would differ.
    ScenePlan plain = PlanFixtures.plan(MUG);
    ScenePlan.Builder wordy = plain.toBuilder().setTitle("A completely different title");
    wordy.getClipsBuilder(0).setNarration("Every morning deserves a moment like this one.")
        .setVisualDescription("Maya and the subject, seen for a long, long while, tenderly");
    List<BufferedImage> a = render(plain, 0, FrameKind.FRAME_KIND_START, "one prompt", null,
        List.of(), "a");
    List<BufferedImage> b = render(wordy.build(), 0, FrameKind.FRAME_KIND_START,
        "another prompt, longer, with words that should never appear in a frame", null,
        List.of(), "b");
    for (int v = 0; v < a.size(); v++) {
      assertThat(samePixels(a.get(v), b.get(v))).as("variation %d", v).isTrue();
    }
  }

  @Test
  void thePreviousFrameLeavesNoGhost() throws Exception {
    Path previous = picture("previous.png", SIZE.width(), SIZE.height(), Color.MAGENTA,
        Color.GREEN, new java.awt.geom.Ellipse2D.Double(40, 40, 100, 100));
    ScenePlan plan = PlanFixtures.plan(MUG);
    List<BufferedImage> alone = render(plan, 1, FrameKind.FRAME_KIND_START, "p", null,
        List.of(), "alone");
    List<BufferedImage> chained = render(plan, 1, FrameKind.FRAME_KIND_START, "p", null,
        List.of(previous), "chained");
    for (int v = 0; v < alone.size(); v++) {
      assertThat(samePixels(alone.get(v), chained.get(v))).as("variation %d", v).isTrue();
    }
  }

  @Test
  void aCloseUpInstructionFramesTheSubjectCloser() throws Exception {
    // What "regenerate --clip 1 --instruction 'make it a close-up'" changes: the camera word,
    // in the clip's camera field or in the frame's prompt.
    ScenePlan plan = PlanFixtures.plan(MUG);
    ScenePlan.Builder closer = plan.toBuilder();
    closer.getClipsBuilder(0).setCamera("close-up");
    assertCloser(plan, closer.build(), "p", "p");
    assertCloser(plan, plan, "Maya and the subject", "Maya and the subject, make it a close-up");
  }

  private void assertCloser(ScenePlan before, ScenePlan after, String promptBefore,
      String promptAfter) throws Exception {
    List<BufferedImage> was = render(before, 0, FrameKind.FRAME_KIND_START, promptBefore, null,
        List.of(), "was" + promptAfter.length());
    List<BufferedImage> now = render(after, 0, FrameKind.FRAME_KIND_START, promptAfter, null,
        List.of(), "now" + promptAfter.length());
    List<SceneGraph> wasScenes = scenes(before, 0, FrameKind.FRAME_KIND_START, promptBefore);
    List<SceneGraph> nowScenes = scenes(after, 0, FrameKind.FRAME_KIND_START, promptAfter);
    assertThat(nowScenes.get(0).camera().framing()).isEqualTo(Framing.CLOSE);
    for (int v = 0; v < was.size(); v++) {
      assertThat(meanDifference(was.get(v), now.get(v))).as("variation %d changes visibly", v)
          .isGreaterThan(10);
      assertThat(subjectBox(nowScenes.get(v)).getHeight())
          .as("variation %d: the subject is bigger", v)
          .isGreaterThan(1.4 * subjectBox(wasScenes.get(v)).getHeight());
    }
  }

  @Test
  void variationsDifferInCompositionNotOnlyInColour() {
    List<SceneGraph> scenes = scenes(PlanFixtures.plan(MUG), 0, FrameKind.FRAME_KIND_START, "p");
    double minX = Double.MAX_VALUE, maxX = 0, minH = Double.MAX_VALUE, maxH = 0;
    for (SceneGraph s : scenes) {
      Rectangle2D box = subjectBox(s);
      minX = Math.min(minX, box.getCenterX());
      maxX = Math.max(maxX, box.getCenterX());
      minH = Math.min(minH, box.getHeight());
      maxH = Math.max(maxH, box.getHeight());
    }
    assertThat(scenes.stream().map(SceneGraph::composition).distinct()).hasSize(4);
    assertThat(maxX - minX).as("subject placement across the frame").isGreaterThan(0.2 * 320);
    assertThat(maxH / minH).as("subject size").isGreaterThan(1.3);
    assertThat(scenes.stream().map(s -> s.stage().horizon()).distinct().count())
        .as("camera angle (horizon height)").isGreaterThan(1);
  }

  @Test
  void theEndFrameIsWhereTheCameraMoveArrives() {
    ScenePlan plan = PlanFixtures.plan(MUG);
    // Clip 2 is a push-in: the end frame is closer than the start.
    SceneGraph start = scenes(plan, 1, FrameKind.FRAME_KIND_START, "p").get(0);
    SceneGraph end = scenes(plan, 1, FrameKind.FRAME_KIND_END, "p").get(0);
    assertThat(subjectBox(end).getHeight()).isGreaterThan(1.2 * subjectBox(start).getHeight());
    // Clip 4 is a slow pan: the view moves sideways.
    SceneGraph panStart = scenes(plan, 3, FrameKind.FRAME_KIND_START, "p").get(0);
    SceneGraph panEnd = scenes(plan, 3, FrameKind.FRAME_KIND_END, "p").get(0);
    assertThat(Math.abs(panEnd.view().centreX() - panStart.view().centreX())).isGreaterThan(5);
  }

  @Test
  void aReferenceImageIsTheHeroAtTheSubjectsPlaceAndSize() throws Exception {
    Path reference = picture("mug.png", 200, 200, Color.WHITE, new Color(0x1060D0),
        new Rectangle2D.Double(40, 30, 120, 150));
    ScenePlan plan = PlanFixtures.plan(MUG);
    List<BufferedImage> frames = render(plan, 2, FrameKind.FRAME_KIND_START, "p", reference,
        List.of(reference), "ref");
    List<SceneGraph> scenes = scenes(plan, 2, FrameKind.FRAME_KIND_START, "p");
    for (int v = 0; v < frames.size(); v++) {
      Rectangle2D box = subjectBox(scenes.get(v));
      int inside = 0, white = 0, total = 0;
      for (int y = (int) box.getMinY(); y < box.getMaxY(); y++) {
        for (int x = (int) box.getMinX(); x < box.getMaxX(); x++) {
          if (x < 0 || y < 0 || x >= SIZE.width() || y >= SIZE.height()) {
            continue;
          }
          Color c = new Color(frames.get(v).getRGB(x, y));
          total++;
          inside += c.getBlue() > 170 && c.getRed() < 60 ? 1 : 0;
          white += c.getRed() > 245 && c.getGreen() > 245 && c.getBlue() > 245 ? 1 : 0;
        }
      }
      // The photo's object covers 60 % × 75 % of it; framed at the subject's size it fills a
      // large part of the subject's box, and its white background is cut away.
      assertThat((double) inside / total).as("variation %d: the reference fills the subject",
          v).isGreaterThan(0.3);
      assertThat((double) white / total).as("variation %d: background cut out", v)
          .isLessThan(0.02);
      assertThat(box.getHeight()).as("not a sticker").isGreaterThan(0.3 * SIZE.height());
    }
  }

  /** A PNG of {@code shape} in {@code fore} on {@code back}. */
  private Path picture(String name, int w, int h, Color back, Color fore, java.awt.Shape shape)
      throws java.io.IOException {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(back);
    g.fillRect(0, 0, w, h);
    g.setColor(fore);
    g.fill(shape);
    g.dispose();
    Path out = dir.resolve(name);
    ImageIO.write(image, "png", out.toFile());
    return out;
  }

  static List<SceneGraph> scenes(ScenePlan plan, int clip, FrameKind kind, String prompt) {
    return AnimaticImageProvider.scenes(new ImageRequest(prompt, plan, clip, kind, 4, SIZE, 5,
        null, List.of(), Path.of("unused")));
  }

  /** The subject's box in image pixels, through the painter's own world-to-image transform. */
  static Rectangle2D subjectBox(SceneGraph s) {
    SceneGraph.Item item = s.subject();
    Rectangle2D world = new Rectangle2D.Double(item.x() - item.size() * 0.4, item.top(),
        item.size() * 0.8, item.size());
    return new AnimaticPainter(s, SIZE.width(), SIZE.height(), null, 0).worldToImage()
        .createTransformedShape(world).getBounds2D();
  }

  static PlannedClip clip(ScenePlan plan, int i) {
    return plan.getClips(i);
  }
}
