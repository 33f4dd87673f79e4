package dev.reelmesh.common.artifact;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.v1.ArtifactRef;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The local artifact root the services share in the embedded default. Every reference is resolved
 * against the root and refused when it escapes it (no path traversal, no symlink escape), so a
 * caller can only read and write what lives under the root.
 */
public final class ArtifactStore {
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
    if (!Files.isRegularFile(path)) {
      throw Status.NOT_FOUND
          .withDescription(field + ": no artifact at '" + ref.getUri() + "'")
          .asRuntimeException();
    }
    return path;
  }

  /**
   * Resolves a relative path or {@code file:} URI inside the root. The file need not exist.
   */
  public Path resolve(String field, String uri) {
    if (uri == null || uri.isBlank()) {
      throw Statuses.invalid(field, "artifact uri is empty");
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
    if (!normalized.startsWith(root) || escapesThroughLink(normalized)) {
      throw Statuses.invalid(field, "'" + uri + "' is outside the artifact root");
    }
    return normalized;
  }

  /** A symlink inside the root may still point outside it; follow the deepest existing part. */
  private boolean escapesThroughLink(Path normalized) {
    Path existing = normalized;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return true;
    }
    try {
      return !existing.toRealPath().startsWith(root);
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * A path for a new output: the requested one (validated, parents created) or a fresh one under
   * {@code defaultDir} with the given extension (".mp4").
   */
  public Path newOutput(String field, String requested, String defaultDir, String extension) {
    Path path =
        requested == null || requested.isBlank()
            ? root.resolve(defaultDir).resolve(UUID.randomUUID() + extension)
            : resolve(field, requested);
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
          .setSha256(MoreFiles.asByteSource(normalized).hash(Hashing.sha256()).toString())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public ArtifactRef describe(Path file) {
    return describe(file, null);
  }
}
