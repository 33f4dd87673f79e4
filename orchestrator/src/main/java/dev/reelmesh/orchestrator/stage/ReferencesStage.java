package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.UserReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The user's reference image goes into the artifact root and anchors the storyboard.
 * Without one, the job runs text-only and says so.
 */
final class ReferencesStage {
  private ReferencesStage() {}

  static void run(JobContext ctx) {
    ctx.progress(0, "collecting references");
    if (ctx.spec.spec().getReferencesCount() == 0) {
      ctx.progress(1, "no reference images: text-only mode");
      return;
    }
    // The first reference anchors the chain; the others are recorded for providers that take
    // several (the offline animatic uses one).
    UserReference first = ctx.spec.spec().getReferences(0);
    ImageSource image = first.getImage();
    Path stored;
    if (image.hasArtifact()) {
      stored = ctx.artifacts.resolveExisting("spec.references[0].image.artifact",
          image.getArtifact());
    } else {
      stored = ctx.file("references/reference-0.img");
      try {
        if (!Files.exists(stored)) {
          // Fetched once: a resumed job finds the file and does not fetch again.
          byte[] bytes = image.hasUrl()
              ? ctx.fetcher.fetch("spec.references[0].image.url", image.getUrl(), 8L << 20)
              : image.getData().toByteArray();
          Files.createDirectories(stored.getParent());
          Path part = stored.resolveSibling("reference-0.img.part");
          Files.write(part, bytes);
          Files.move(part, stored, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      if (ImageIO.read(stored.toFile()) == null) {
        throw io.grpc.Status.INVALID_ARGUMENT.withDescription(
            "spec.references[0].image: not a PNG, JPEG or other readable image")
            .asRuntimeException();
      }
    } catch (IOException e) {
      throw io.grpc.Status.INVALID_ARGUMENT.withDescription(
          "spec.references[0].image: unreadable (" + e.getMessage() + ")").asRuntimeException();
    }
    ArtifactRef ref = ctx.artifacts.describe(stored, "image/png");
    ctx.reference = stored;
    ctx.referenceRef = ref;
    String label = first.getLabel().isBlank() ? "reference" : first.getLabel();
    ctx.progress(1, "reference '" + label
        + "' anchors the storyboard (" + ref.getUri() + ")");
  }
}
