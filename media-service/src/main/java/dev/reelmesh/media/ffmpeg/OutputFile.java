package dev.reelmesh.media.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * An output written under a temporary name beside its target and moved into place only when the
 * job succeeds, so a failed, cancelled or expired job never leaves a partial file at the target.
 * The temporary name keeps the extension because FFmpeg picks the muxer from it.
 */
public final class OutputFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private boolean committed;

  public OutputFile(Path target) {
    this.target = target;
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot);
    this.temp = target.resolveSibling(".partial-" + UUID.randomUUID() + ext);
  }

  /** Where FFmpeg writes. */
  public Path temp() {
    return temp;
  }

  public Path target() {
    return target;
  }

  public Path commit() {
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move output into place at " + target, e);
    }
    committed = true;
    return target;
  }

  @Override
  public void close() {
    if (!committed) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // Best effort; the name marks it as partial.
      }
    }
  }
}
