package dev.reelmesh.orchestrator.provider.openai;

import io.grpc.Status;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Scales pictures to the exact size the next step needs: provider images to the job's frame
 * size (so OpenAI frames and animatic frames look the same to scoring, clips and the contact
 * sheet), storyboard frames to Sora's size (its input reference must match the video size).
 * Scale to fill and crop the overflow, centred.
 */
final class Pictures {
  private Pictures() {}

  static BufferedImage decode(byte[] bytes, String what) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IOException("not a readable image");
      }
      return image;
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription(what + ": the provider returned " + bytes.length
          + " bytes that are not a readable image").asRuntimeException();
    }
  }

  static BufferedImage fill(BufferedImage source, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    double scale = Math.max((double) width / source.getWidth(),
        (double) height / source.getHeight());
    int w = (int) Math.ceil(source.getWidth() * scale);
    int h = (int) Math.ceil(source.getHeight() * scale);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(source, (width - w) / 2, (height - h) / 2, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Writes a PNG atomically, so a crash never leaves half a frame behind. */
  static Path writePng(BufferedImage image, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    if (!ImageIO.write(image, "png", tmp.toFile())) {
      throw new IOException("no PNG writer");
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
