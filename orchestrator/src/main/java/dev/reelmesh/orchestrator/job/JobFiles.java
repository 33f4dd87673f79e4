package dev.reelmesh.orchestrator.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A job's artifacts directory: measured, then deleted. Links are removed, never followed. */
public final class JobFiles {
  /** Files and bytes under a directory. */
  public record Size(int files, long bytes) {}

  private JobFiles() {}

  /** {@code jobs/<id>} under the artifact root; an id that would leave it is refused. */
  public static Path directory(Path artifactRoot, String jobId) {
    Path jobs = artifactRoot.resolve("jobs").normalize();
    Path dir = jobs.resolve(jobId).normalize();
    if (!dir.getParent().equals(jobs)) {
      throw new IllegalArgumentException("job id '" + jobId + "' is not a plain name");
    }
    return dir;
  }

  public static Size measure(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return new Size(0, 0);
    }
    try (Stream<Path> all = Files.walk(dir)) {
      int files = 0;
      long bytes = 0;
      for (Path p : (Iterable<Path>) all::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          files++;
          bytes += Files.size(p);
        }
      }
      return new Size(files, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + dir, e);
    }
  }

  /** Deletes {@code dir} and everything under it; returns what it held. */
  public static Size delete(Path dir) {
    Size size = measure(dir);
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return size;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
      for (Path p : deepestFirst) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
    return size;
  }
}
