package dev.reelmesh.orchestrator.provider.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reelmesh.common.parallel.ParallelMap;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.BriefReader;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.Composer;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.Composition;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneBrief;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneGraph;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.orchestrator.provider.image.animatic.paint.Glyphs;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * The offline image engine: each frame is a scene graph of the brief (setting, subject
 * pictogram, people, framing from the camera word), drawn. Variations differ in composition.
 * Beside the images it writes the frame's scene graphs as JSON ({@code *.scene.json}), which
 * also reports a subject no pictogram matched. A zero-cost animatic to approve timing and look
 * before paying for provider renders.
 */
public final class AnimaticImageProvider implements ImageProvider {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final System.Logger LOG = System.getLogger(AnimaticImageProvider.class
      .getName());
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  /** One pool for every job in this JVM: the variations of all frames share the cores. */
  private static final ParallelMap PAINTERS = ParallelMap.forCores("animatic-paint");
  private final ReferenceCutOuts references = new ReferenceCutOuts();

  @Override
  public String name() {
    return "animatic";
  }

  @Override
  public List<Path> generate(ImageRequest request) throws IOException {
    Files.createDirectories(request.outDir());
    List<SceneGraph> scenes = scenes(request);
    BufferedImage cutOut = references.get(request.reference());
    String frame = frameName(request);
    if (scenes.get(0).subject() != null && scenes.get(0).subject().pictogram().isPlaceholder()
        && cutOut == null) {
      LOG.log(System.Logger.Level.WARNING, "clip {0} {1}: no pictogram matches \"{2}\"; a "
          + "placeholder box stands in for it", request.clipIndex() + 1, frame,
          scenes.get(0).subject().pictogram().noun());
    }
    List<Integer> variations = IntStream.range(0, scenes.size()).boxed().toList();
    List<Path> written;
    try {
      // Painting and PNG encoding are CPU-bound and independent per variation: all cores.
      written = PAINTERS.map(variations, v -> paint(request, scenes.get(v), cutOut, frame, v));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    JSON.writeValue(request.outDir().resolve(String.format("clip%02d-%s.scene.json",
        request.clipIndex(), frame)).toFile(), SceneJson.of(scenes, cutOut != null));
    return written;
  }

  private static Path paint(ImageRequest request, SceneGraph scene, BufferedImage cutOut,
      String frame, int v) {
    BufferedImage image = new AnimaticPainter(scene, request.size().width(),
        request.size().height(), cutOut, detailSeed(request)).paint();
    Path out = request.outDir().resolve(String.format("clip%02d-%s-v%02d.png",
        request.clipIndex(), frame, v));
    try {
      ImageIO.write(image, "png", out.toFile());
    } catch (IOException e) {
      throw ReferenceCutOuts.unchecked(e);
    }
    return out;
  }

  /**
   * Loads what the first frame would otherwise load on the job's clock: the Symbola font and a
   * pictogram's shapes, Java2D's antialiasing pipeline and the PNG writer. Idempotent.
   */
  public static void warmUp() throws IOException {
    Shape[] cup = Glyphs.shapes(0x2615);
    BufferedImage image = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.scale(30, 30);
      g.translate(1, 1);
      g.fill(cup[1]);
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", new ByteArrayOutputStream());
  }

  /** The scene graph of every variation of the requested frame. */
  public static List<SceneGraph> scenes(ImageRequest request) {
    SceneBrief brief = BriefReader.read(request.plan(), request.clipIndex(), request.prompt());
    if (request.reference() != null && brief.subject().isEmpty()) {
      // The user's reference is the hero even when the brief names no thing.
      brief = brief.withSubject("reference image");
    }
    double aspect = (double) request.size().width() / request.size().height();
    boolean end = request.frame() == FrameKind.FRAME_KIND_END;
    List<SceneGraph> out = new ArrayList<>();
    // Start and end frames share the composition order, so variation v of both is one shot.
    for (Composition c : Composition.forFrame(request.variations(), detailSeed(request))) {
      out.add(Composer.compose(brief, aspect, end, c));
    }
    return out;
  }

  private static long detailSeed(ImageRequest request) {
    return request.seed() * 1_000_003L + request.clipIndex() * 7919L;
  }

  static String frameName(ImageRequest request) {
    return request.frame() == FrameKind.FRAME_KIND_END ? "end" : "start";
  }
}
