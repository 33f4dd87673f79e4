package dev.reelmesh.orchestrator.provider.image;

import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.PlannedClip;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Paints one animatic frame. Composition follows the plan: the palette sets the sky and ground,
 * the camera word sets the subject's size (close-ups fill the frame), the beat intensity sets the
 * light, the end frame moves the subject along the shot, and each variation changes the layout
 * and detail so the scorer has real differences to rank.
 */
final class AnimaticPainter {
  private final ImageRequest request;
  private final int variation;
  private final BufferedImage reference;
  private final BufferedImage previous;
  private final SplittableRandom random;
  private final PlannedClip clip;
  private final int width;
  private final int height;

  AnimaticPainter(ImageRequest request, int variation, BufferedImage reference,
      BufferedImage previous) {
    this.request = request;
    this.variation = variation;
    this.reference = reference;
    this.previous = previous;
    this.random = new SplittableRandom(request.seed() * 1_000_003L
        + request.clipIndex() * 7919L + variation * 104_729L
        + (request.frame() == FrameKind.FRAME_KIND_END ? 31 : 0));
    this.clip = request.plan().getClipsCount() > request.clipIndex()
        ? request.plan().getClips(request.clipIndex()) : PlannedClip.getDefaultInstance();
    this.width = request.size().width();
    this.height = request.size().height();
  }

  BufferedImage paint() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      List<Color> palette = palette();
      double horizon = height * (0.55 + (random.nextDouble() - 0.5) * 0.2);
      paintSky(g, palette, horizon);
      paintLight(g, palette, horizon);
      paintGround(g, palette, horizon);
      if (previous != null) {
        // Continuity with the previous frame of the chain: it shows through faintly.
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.25f));
        g.drawImage(previous, 0, 0, width, height, null);
        g.setComposite(AlphaComposite.SrcOver);
      }
      paintTexture(g, palette, horizon);
      paintSubject(g, palette, horizon);
      paintCaption(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  private List<Color> palette() {
    List<Color> colors = new ArrayList<>();
    for (String hex : request.plan().getStyle().getPaletteList()) {
      try {
        colors.add(Color.decode(hex.startsWith("#") ? hex : "#" + hex));
      } catch (NumberFormatException ignored) {
        // An unreadable palette entry is skipped; the defaults below cover an empty palette.
      }
    }
    if (colors.size() < 3) {
      colors.addAll(List.of(new Color(0x2E4057), new Color(0xF2A65A), new Color(0x8FB8A0)));
    }
    return colors;
  }

  private void paintSky(Graphics2D g, List<Color> palette, double horizon) {
    Color top = palette.get(variation % palette.size()).darker();
    Color bottom = palette.get((variation + 1) % palette.size()).brighter();
    g.setPaint(new GradientPaint(0, 0, top, 0, (float) horizon, bottom));
    g.fillRect(0, 0, width, (int) Math.ceil(horizon));
  }

  private void paintLight(Graphics2D g, List<Color> palette, double horizon) {
    // Beat intensity drives the light: calm beats get a low warm sun, peaks a high bright one.
    double intensity = clip.getBeatIntensity();
    double radius = height * (0.08 + 0.08 * intensity);
    double x = width * (0.15 + 0.7 * random.nextDouble());
    double y = horizon - radius - (horizon - 2 * radius) * (0.2 + 0.6 * intensity);
    for (int ring = 4; ring >= 1; ring--) {
      float alpha = 0.12f * (5 - ring);
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
      g.setColor(new Color(255, 236, 190));
      double r = radius * (1 + ring * 0.45);
      g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }
    g.setComposite(AlphaComposite.SrcOver);
  }

  private void paintGround(Graphics2D g, List<Color> palette, double horizon) {
    Color ground = palette.get((variation + 2) % palette.size());
    g.setPaint(new GradientPaint(0, (float) horizon, ground, 0, height, ground.darker().darker()));
    g.fillRect(0, (int) horizon, width, height - (int) horizon);
  }

  private void paintTexture(Graphics2D g, List<Color> palette, double horizon) {
    // Detail: scattered shapes whose density varies by variation, so sharpness differs for real.
    int count = 40 + random.nextInt(60) + variation * 15;
    for (int i = 0; i < count; i++) {
      Color c = palette.get(random.nextInt(palette.size()));
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60 + random.nextInt(120)));
      double x = random.nextDouble() * width;
      double y = horizon + random.nextDouble() * (height - horizon);
      double s = (2 + random.nextDouble() * 10) * height / 720.0;
      g.fill(new Ellipse2D.Double(x, y, s * 2, s));
    }
  }

  private void paintSubject(Graphics2D g, List<Color> palette, double horizon) {
    double scale = subjectScale();
    double subjectH = height * scale;
    double subjectW = subjectH * 0.55;
    double third = width / 3.0 * (random.nextBoolean() ? 1 : 2);
    double cx = third + (random.nextDouble() - 0.5) * width * 0.1;
    if (request.frame() == FrameKind.FRAME_KIND_END) {
      cx += width * 0.12 * direction();
    }
    double base = Math.min(height - 10, horizon + subjectH * 0.35);
    if (reference != null) {
      // The user's reference anchors the subject: it is placed in the frame as the hero.
      double refH = subjectH;
      double refW = refH * reference.getWidth() / Math.max(1, reference.getHeight());
      int x = (int) (cx - refW / 2);
      int y = (int) (base - refH);
      g.setClip(new RoundRectangle2D.Double(x, y, refW, refH, refW * 0.1, refW * 0.1));
      g.drawImage(reference, x, y, (int) refW, (int) refH, null);
      g.setClip(null);
      g.setColor(new Color(255, 255, 255, 180));
      g.setStroke(new BasicStroke((float) (height / 240.0)));
      g.draw(new RoundRectangle2D.Double(x, y, refW, refH, refW * 0.1, refW * 0.1));
      return;
    }
    Color body = palette.get((variation + 3) % palette.size()).darker().darker();
    if (!showsCharacter()) {
      paintProduct(g, body, cx, base, subjectH);
      return;
    }
    g.setColor(new Color(0, 0, 0, 70));
    g.fill(new Ellipse2D.Double(cx - subjectW * 0.7, base - subjectH * 0.04,
        subjectW * 1.4, subjectH * 0.08));
    g.setColor(body);
    g.fill(new RoundRectangle2D.Double(cx - subjectW / 2, base - subjectH * 0.8, subjectW,
        subjectH * 0.8, subjectW * 0.5, subjectW * 0.5));
    g.fill(new Ellipse2D.Double(cx - subjectW * 0.3, base - subjectH, subjectW * 0.6,
        subjectW * 0.6));
  }

  /** A clip shows a person when the description names one of its characters. */
  private boolean showsCharacter() {
    String description = clip.getVisualDescription().toLowerCase(Locale.ROOT);
    for (dev.reelmesh.v1.Character character : request.plan().getCharactersList()) {
      if (clip.getCharacterIdsList().contains(character.getId())
          && !character.getName().isBlank()
          && description.contains(character.getName().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A clip without characters is about the product or the place: a vessel-like hero object
   * (body, spout, handle) stands in for it, lit from the light's side.
   */
  private void paintProduct(Graphics2D g, Color body, double cx, double base, double size) {
    double w = size * 0.7;
    double h = size * 0.6;
    g.setColor(new Color(0, 0, 0, 70));
    g.fill(new Ellipse2D.Double(cx - w * 0.6, base - h * 0.05, w * 1.2, h * 0.1));
    g.setColor(body);
    g.setStroke(new BasicStroke((float) (size * 0.05), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));
    g.draw(new java.awt.geom.Arc2D.Double(cx + w * 0.25, base - h * 0.85, w * 0.5, h * 0.6,
        -90, 180, java.awt.geom.Arc2D.OPEN));
    java.awt.geom.Path2D spout = new java.awt.geom.Path2D.Double();
    spout.moveTo(cx - w * 0.35, base - h * 0.35);
    spout.lineTo(cx - w * 0.75, base - h * 0.8);
    spout.lineTo(cx - w * 0.68, base - h * 0.84);
    spout.lineTo(cx - w * 0.25, base - h * 0.55);
    spout.closePath();
    g.fill(spout);
    g.fill(new Ellipse2D.Double(cx - w / 2, base - h, w, h));
    g.setColor(body.brighter());
    g.fill(new RoundRectangle2D.Double(cx - w * 0.18, base - h * 1.08, w * 0.36, h * 0.14,
        w * 0.1, w * 0.1));
    g.setColor(new Color(255, 255, 255, 90));
    g.fill(new Ellipse2D.Double(cx - w * 0.3, base - h * 0.85, w * 0.16, h * 0.35));
  }

  /** Close-ups fill the frame, wide shots leave room. */
  private double subjectScale() {
    String camera = clip.getCamera().toLowerCase(Locale.ROOT);
    if (camera.contains("close") || camera.contains("macro")) {
      return 0.62;
    }
    if (camera.contains("wide") || camera.contains("aerial") || camera.contains("establish")) {
      return 0.22;
    }
    return 0.38 + random.nextDouble() * 0.08;
  }

  /** Which way the shot moves, from the camera and motion words; +1 right, -1 left. */
  private int direction() {
    String words = (clip.getCamera() + " " + clip.getMotion()).toLowerCase(Locale.ROOT);
    return words.contains("left") ? -1 : 1;
  }

  private void paintCaption(Graphics2D g) {
    String label = "clip " + (request.clipIndex() + 1) + " · "
        + (request.frame() == FrameKind.FRAME_KIND_END ? "end" : "start");
    int band = Math.max(28, height / 9);
    g.setColor(new Color(0, 0, 0, 150));
    g.fillRect(0, height - band, width, band);
    g.setColor(Color.WHITE);
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, band / 3));
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    String text = clip.getVisualDescription().isBlank() ? request.prompt()
        : clip.getVisualDescription();
    g.drawString(fit(text, metrics, width - band), band / 2,
        height - band / 2 + metrics.getAscent() / 2 - 2);
    g.setFont(font.deriveFont(Font.BOLD));
    g.drawString(label, band / 2, band / 2 + metrics.getAscent() / 2);
  }

  private static String fit(String text, FontMetrics metrics, int max) {
    if (metrics.stringWidth(text) <= max) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > max) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut.strip() + "…";
  }
}
