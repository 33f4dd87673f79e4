package dev.reelmesh.common.artifact;

import dev.reelmesh.common.auth.ArtifactOwners;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.v1.ArtifactRef;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * The local artifact root the services share in the embedded default. Every reference is resolved
 * against the root and refused when it escapes it (no path traversal, no symlink escape), so a
 * caller can only read and write what lives under the root.
 *
 * <p>References are bounded ({@link #MAX_URI_CHARS}, {@link #MAX_DEPTH}) and checked with one
 * file-system look-up per path segment, so a hostile reference costs a caller microseconds, not
 * a worker's time.
 */
public final class ArtifactStore {
  /** Longer than any path the mesh writes (about 100 characters) by a wide margin. */
  public static final int MAX_URI_CHARS = 1024;
  /** Directory levels below the root; the mesh writes at most four. */
  public static final int MAX_DEPTH = 32;

  private final Path root;

  public ArtifactStore(Path root) {
    try {
      Files.createDirectories(root);
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create artifact root " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  /**
   * Resolves an existing artifact. {@code field} names the request field in the error, e.g.
   * "clips[2]".
   */
  public Path resolveExisting(String field, ArtifactRef ref) {
    Path path = resolve(field, ref.getUri());
    // Before looking: another tenant's file reads as missing, whether it is there or not.
    ArtifactOwners.checkRead(root, path, field, ref.getUri());
    if (!Files.isRegularFile(path)) {
      throw Status.NOT_FOUND
          .withDescription(field + ": no artifact at '" + ref.getUri() + "'")
          .asRuntimeException();
    }
    // The reference's size and digest, when given, must describe what is on disk now: a caller
    // never gets work done on content other than the content it named.
    ContentCheck.verify(field, ref, path);
    return path;
  }

  /**
   * Resolves a relative path or {@code file:} URI inside the root. The file need not exist.
   */
  public Path resolve(String field, String uri) {
    if (uri == null || uri.isBlank()) {
      throw Statuses.invalid(field, "artifact uri is empty");
    }
    if (uri.length() > MAX_URI_CHARS) {
      throw Statuses.invalid(field + ".uri", "is " + uri.length() + " characters; at most "
          + MAX_URI_CHARS);
    }
    Path candidate;
    try {
      if (uri.startsWith("file:")) {
        candidate = Path.of(URI.create(uri));
      } else if (uri.contains("://")) {
        throw Statuses.invalid(field, "only paths inside the artifact root or file: URIs are "
            + "accepted here, got '" + uri + "'");
      } else {
        Path given = Path.of(uri);
        candidate = given.isAbsolute() ? given : root.resolve(given);
      }
    } catch (IllegalArgumentException e) { // includes InvalidPathException
      throw Statuses.invalid(field, "not a valid path: '" + uri + "'");
    }
    Path normalized = candidate.toAbsolutePath().normalize();
    if (!normalized.startsWith(root)) {
      throw Statuses.invalid(field, "'" + uri + "' is outside the artifact root");
    }
    Path relative = root.relativize(normalized);
    if (relative.getNameCount() > MAX_DEPTH) {
      throw Statuses.invalid(field + ".uri", "is " + relative.getNameCount()
          + " directories deep; at most " + MAX_DEPTH);
    }
    if (escapesThroughLink(relative)) {
      throw Statuses.invalid(field, "'" + uri + "' is outside the artifact root");
    }
    return normalized;
  }

  /**
   * A symlink inside the root may still point outside it. Walks down from the root, one
   * look-up per segment (not following links), and stops at the first segment that does not
   * exist: nothing below it can be a link. A link whose target cannot be resolved (dangling)
   * counts as escaping: writing through it would create a file wherever it points.
   */
  private boolean escapesThroughLink(Path relative) {
    Path current = root;
    for (Path segment : relative) {
      current = current.resolve(segment);
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(current, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return false;
      } catch (IOException e) {
        return true;
      }
      if (attributes.isSymbolicLink()) {
        try {
          if (!current.toRealPath().startsWith(root)) {
            return true;
          }
        } catch (IOException e) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A path for a new output: the requested one (validated, parents created) or a fresh one under
   * {@code defaultDir} with the given extension (".mp4"); for a tenant's user that folder is
   * inside its own space ({@link ArtifactOwners#outputFolder}).
   */
  public Path newOutput(String field, String requested, String defaultDir, String extension) {
    Path path =
        requested == null || requested.isBlank()
            ? ArtifactOwners.outputFolder(root, defaultDir).resolve(UUID.randomUUID() + extension)
            : resolve(field, requested);
    ArtifactOwners.checkWrite(root, path, field, requested);
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + path.getParent(), e);
    }
    return path;
  }

  /** The reference for a file under the root: relative uri, size and SHA-256. */
  public ArtifactRef describe(Path file, String mediaType) {
    Path normalized = file.toAbsolutePath().normalize();
    if (!normalized.startsWith(root)) {
      throw new IllegalArgumentException(file + " is outside the artifact root " + root);
    }
    try {
      return ArtifactRef.newBuilder()
          .setUri(root.relativize(normalized).toString().replace('\\', '/'))
          .setMediaType(mediaType == null || mediaType.isEmpty() ? MediaTypes.guess(file) : mediaType)
          .setSizeBytes(Files.size(normalized))
          .setSha256(ContentCheck.sha256(normalized))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public ArtifactRef describe(Path file) {
    return describe(file, null);
  }
}
