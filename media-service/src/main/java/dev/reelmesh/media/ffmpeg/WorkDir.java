package dev.reelmesh.media.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh temporary directory for one job's intermediate files (caption text, a rendered mix),
 * removed with everything in it when the job ends, however it ends.
 */
public final class WorkDir implements AutoCloseable {
  private final Path dir;

  public WorkDir(String prefix) {
    try {
      this.dir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for " + prefix, e);
    }
  }

  public Path path() {
    return dir;
  }

  @Override
  public void close() {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // A leftover temp file is harmless; the OS cleans its temp directory.
    }
  }
}
