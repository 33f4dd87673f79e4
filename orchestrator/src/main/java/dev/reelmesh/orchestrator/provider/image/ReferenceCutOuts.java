package dev.reelmesh.orchestrator.provider.image;

import dev.reelmesh.orchestrator.provider.image.animatic.paint.ReferencePainter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The user's reference, decoded and cut out once per job rather than once per frame: every one
 * of a storyboard's frames stands the same reference in the scene. Keyed by the file and its
 * size and modification time, so a replaced reference is read again; a few entries at most.
 */
final class ReferenceCutOuts {
  private record Key(Path path, long size, FileTime modified) {}

  private static final int ENTRIES = 4;
  private final Map<Key, BufferedImage> cache = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, BufferedImage> eldest) {
      return size() > ENTRIES;
    }
  };

  /** The cut-out reference, or null when there is none. The image is shared: never drawn on. */
  BufferedImage get(Path path) throws IOException {
    if (path == null) {
      return null;
    }
    Key key = new Key(path.toAbsolutePath().normalize(), Files.size(path),
        Files.getLastModifiedTime(path));
    synchronized (cache) {
      BufferedImage known = cache.get(key);
      if (known != null) {
        return known;
      }
    }
    // Decoded outside the lock: two jobs' different references do not wait for each other.
    BufferedImage cut = ReferencePainter.cutOut(read(path));
    synchronized (cache) {
      cache.put(key, cut);
    }
    return cut;
  }

  private static BufferedImage read(Path path) throws IOException {
    BufferedImage image = ImageIO.read(path.toFile());
    if (image == null) {
      throw new IOException("not a readable image: " + path.getFileName());
    }
    return image;
  }

  /** For a lambda that may not throw. */
  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e.getMessage(), e);
  }
}
