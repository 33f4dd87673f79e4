package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.v1.ArtifactRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * A storyboard frame as remote providers take it inline: base64 with its media type, or a
 * {@code data:} URL (our frames live under the artifact root, which no provider can reach).
 */
public record FrameData(String mediaType, String base64) {
  public static FrameData of(ArtifactStore artifacts, String field, ArtifactRef frame)
      throws IOException {
    Path path = artifacts.resolveExisting(field, frame);
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    String type = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg"
        : name.endsWith(".webp") ? "image/webp" : "image/png";
    return new FrameData(type, Base64.getEncoder().encodeToString(Files.readAllBytes(path)));
  }

  /** Whether the request has this frame at all. */
  public static boolean present(ArtifactRef frame) {
    return frame != null && !frame.getUri().isBlank();
  }

  public String dataUrl() {
    return "data:" + mediaType + ";base64," + base64;
  }
}
