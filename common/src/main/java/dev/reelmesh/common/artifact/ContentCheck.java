package dev.reelmesh.common.artifact;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.v1.ArtifactRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks that a reference's {@code size_bytes} and {@code sha256}, when set, describe the file it
 * names. The size is compared first: it costs one look-up and catches most stale references.
 */
final class ContentCheck {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private ContentCheck() {}

  static void verify(String field, ArtifactRef ref, Path file) {
    String expected = ref.getSha256();
    if (!expected.isEmpty() && !SHA256.matcher(expected).matches()) {
      throw Statuses.invalid(field + ".sha256", "must be 64 lowercase hex digits, got '"
          + abbreviate(expected) + "'");
    }
    if (ref.getSizeBytes() < 0) {
      throw Statuses.invalid(field + ".size_bytes", "must be >= 0 (0 = unknown), got "
          + ref.getSizeBytes());
    }
    try {
      long size = Files.size(file);
      if (ref.getSizeBytes() != 0 && ref.getSizeBytes() != size) {
        throw Statuses.invalid(field + ".size_bytes", "says " + ref.getSizeBytes()
            + " bytes but '" + ref.getUri() + "' holds " + size);
      }
      if (!expected.isEmpty()) {
        String actual = sha256(file);
        if (!actual.equals(expected)) {
          throw Statuses.invalid(field + ".sha256", "does not match the content of '"
              + ref.getUri() + "' (given " + expected + ", content " + actual + ")");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Lowercase hex SHA-256 of {@code file}'s content. */
  static String sha256(Path file) throws IOException {
    return MoreFiles.asByteSource(file).hash(Hashing.sha256()).toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
