package dev.reelmesh.orchestrator.provider.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The offline image engine: real frames drawn from the plan (palette, composition by camera and
 * beat, the subject's caption, continuity with the previous frame and the user's reference). A
 * zero-cost animatic to approve timing and look before paying for provider renders.
 */
public final class AnimaticImageProvider implements ImageProvider {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  @Override
  public String name() {
    return "animatic";
  }

  @Override
  public List<Path> generate(ImageRequest request) throws IOException {
    Files.createDirectories(request.outDir());
    BufferedImage reference = read(request.reference());
    BufferedImage previous = null;
    for (Path anchor : request.anchors()) {
      if (!anchor.equals(request.reference())) {
        previous = read(anchor);
      }
    }
    List<Path> written = new ArrayList<>();
    for (int v = 0; v < request.variations(); v++) {
      BufferedImage image = new AnimaticPainter(request, v, reference, previous).paint();
      Path out = request.outDir().resolve(String.format("clip%02d-%s-v%02d.png",
          request.clipIndex(), frameName(request), v));
      ImageIO.write(image, "png", out.toFile());
      written.add(out);
    }
    return written;
  }

  static String frameName(ImageRequest request) {
    return request.frame() == dev.reelmesh.v1.FrameKind.FRAME_KIND_END ? "end" : "start";
  }

  private static BufferedImage read(Path path) throws IOException {
    if (path == null) {
      return null;
    }
    BufferedImage image = ImageIO.read(path.toFile());
    if (image == null) {
      throw new IOException("not a readable image: " + path.getFileName());
    }
    return image;
  }
}
