package dev.reelmesh.orchestrator.provider.image;

import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.ScenePlan;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Renders docs/animatic/*.png: per brief, the start frame of each clip (variation 0) and the
 * four variations of clip 1, labelled under each tile as the contact sheet is (frames carry no
 * text). Run: {@code java -cp <test classpath> ...StoryboardSheets docs/animatic brief...}.
 */
public final class StoryboardSheets {
  private StoryboardSheets() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (int i = 1; i < args.length; i++) {
      String[] parts = args[i].split("=", 2);
      // "name=brief@photo": the job has a user reference, a product photo drawn here.
      String[] brief = parts[1].split("@", 2);
      Path reference = brief.length > 1 ? photo(Files.createTempFile("photo", ".png")) : null;
      ImageIO.write(sheet(PlanFixtures.plan(brief[0]), reference), "png",
          dir.resolve(parts[0] + ".png").toFile());
    }
  }

  /** A product photo as a user might upload one: a red mug on a pale studio backdrop. */
  static Path photo(Path out) throws IOException {
    BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0xF1F0EC));
    g.fillRect(0, 0, 400, 400);
    g.setColor(new Color(0xA3201C));
    g.setStroke(new java.awt.BasicStroke(26));
    g.drawOval(250, 140, 90, 120);
    g.setPaint(new java.awt.GradientPaint(90, 0, new Color(0xD8342C), 290, 0,
        new Color(0x8E1A16)));
    g.fillRoundRect(90, 100, 200, 230, 40, 40);
    g.setColor(new Color(0x6E1410));
    g.fillOval(90, 85, 200, 40);
    g.setColor(new Color(255, 255, 255, 90));
    g.fillRoundRect(120, 140, 24, 150, 20, 20);
    g.dispose();
    ImageIO.write(img, "png", out.toFile());
    return out;
  }

  static BufferedImage sheet(ScenePlan plan, Path reference) throws IOException {
    FrameSize size = new FrameSize(320, 180);
    Path tmp = Files.createTempDirectory("sheet");
    int cols = 4;
    int tileH = size.height() + 22;
    BufferedImage sheet = new BufferedImage(cols * (size.width() + 8) + 8, 2 * tileH + 40,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0x1E1F24));
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString("\u201c" + plan.getBrief() + "\u201d" + (reference == null ? ""
        : "  + a reference photo of the mug"), 8, 20);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int c = 0; c < cols; c++) {
      List<Path> one = new AnimaticImageProvider().generate(PlanFixtures.request(plan, c,
          FrameKind.FRAME_KIND_START, 1, size, 7, reference, tmp.resolve("c" + c)));
      tile(g, one.get(0), c, 0, size, "clip " + (c + 1) + " · " + plan.getClips(c).getCamera());
    }
    List<Path> vars = new AnimaticImageProvider().generate(PlanFixtures.request(plan, 0,
        FrameKind.FRAME_KIND_START, 4, size, 7, reference, tmp.resolve("v")));
    List<SceneGraphView> names = SceneGraphView.of(AnimaticImageProvider.scenes(
        PlanFixtures.request(plan, 0, FrameKind.FRAME_KIND_START, 4, size, 7, reference, tmp)));
    for (int v = 0; v < 4; v++) {
      tile(g, vars.get(v), v, 1, size, "clip 1 v" + v + " · " + names.get(v).label());
    }
    g.dispose();
    return sheet;
  }

  private static void tile(Graphics2D g, Path image, int col, int row, FrameSize size,
      String label) throws IOException {
    int x = 8 + col * (size.width() + 8);
    int y = 32 + row * (size.height() + 22);
    g.drawImage(ImageIO.read(image.toFile()), x, y, null);
    g.drawString(label, x, y + size.height() + 15);
  }

  record SceneGraphView(String label) {
    static List<SceneGraphView> of(List<dev.reelmesh.orchestrator.provider.image.animatic.scene
        .SceneGraph> scenes) {
      return scenes.stream().map(s -> new SceneGraphView(s.composition())).toList();
    }
  }
}
