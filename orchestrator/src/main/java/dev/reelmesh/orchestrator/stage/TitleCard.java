package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.ScenePlan;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The frame a failed clip gets: its description on a plain card, so the video keeps its timing. */
final class TitleCard {
  private TitleCard() {}

  static Path write(FrameSize size, ScenePlan plan, int clip, FrameKind kind, Path out) {
    BufferedImage image = new BufferedImage(size.width(), size.height(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(new Color(0x20, 0x20, 0x24));
      g.fillRect(0, 0, size.width(), size.height());
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(12, size.height() / 20)));
      String text = "clip " + (clip + 1) + ": " + plan.getClips(clip).getVisualDescription();
      g.drawString(text.length() > 70 ? text.substring(0, 69) + "…" : text,
          size.width() / 16, size.height() / 2);
    } finally {
      g.dispose();
    }
    try {
      Files.createDirectories(out.getParent());
      ImageIO.write(image, "png", out.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
