package dev.reelmesh.orchestrator.provider.image.animatic.paint;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Symbola's pictographs as shapes: the line art of a glyph and its silhouette (every contour
 * filled, holes closed), normalised to a unit-height box whose bottom centre is the origin.
 * Shapes, not text: frames carry no drawn strings. The font comes from Debian's fonts-symbola.
 */
public final class Glyphs {
  /** Where Debian's fonts-symbola puts the font; the first that exists is used. */
  public static final List<Path> FONT_FILES = List.of(
      Path.of("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
      Path.of("/usr/share/fonts/truetype/ancient-scripts/Symbola.ttf"),
      Path.of("/usr/share/fonts/truetype/symbola/Symbola.ttf"));
  private static volatile Font font;
  private static final Map<Integer, Shape[]> CACHE = new ConcurrentHashMap<>();

  private Glyphs() {}

  /** The Symbola file in use, or null when fonts-symbola is not installed. */
  public static Path fontFile() {
    return FONT_FILES.stream().filter(Files::isReadable).findFirst().orElse(null);
  }

  /** {line art, silhouette} of a code point, one unit tall, bottom centre at (0, 0). */
  public static Shape[] shapes(int codePoint) {
    return CACHE.computeIfAbsent(codePoint, Glyphs::build);
  }

  private static Shape[] build(int codePoint) {
    Shape outline = font().createGlyphVector(new FontRenderContext(null, true, true),
        new String(Character.toChars(codePoint))).getOutline();
    Rectangle2D b = outline.getBounds2D();
    double scale = 1 / Math.max(b.getHeight(), 1e-6);
    AffineTransform unit = new AffineTransform();
    unit.scale(scale, scale);
    unit.translate(-b.getCenterX(), -b.getMaxY());
    Shape art = unit.createTransformedShape(outline);
    return new Shape[] {art, silhouette(art)};
  }

  /** Each closed contour filled on its own and united: the glyph's outer shape, holes closed. */
  static Area silhouette(Shape shape) {
    Area all = new Area();
    Path2D.Double contour = null;
    double[] c = new double[6];
    for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
      switch (it.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> {
          if (contour != null) {
            all.add(new Area(contour));
          }
          contour = new Path2D.Double();
          contour.moveTo(c[0], c[1]);
        }
        case PathIterator.SEG_LINETO -> contour.lineTo(c[0], c[1]);
        case PathIterator.SEG_QUADTO -> contour.quadTo(c[0], c[1], c[2], c[3]);
        case PathIterator.SEG_CUBICTO -> contour.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
        default -> contour.closePath();
      }
    }
    if (contour != null) {
      all.add(new Area(contour));
    }
    return all;
  }

  private static Font font() {
    Font f = font;
    if (f == null) {
      synchronized (Glyphs.class) {
        if (font == null) {
          Path file = fontFile();
          if (file == null) {
            throw new IllegalStateException("the animatic's pictograms need the Symbola font "
                + "(Debian package fonts-symbola); none of " + FONT_FILES + " exists");
          }
          try {
            font = Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(100f);
          } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot read the Symbola font " + file, e);
          }
        }
        f = font;
      }
    }
    return f;
  }
}
