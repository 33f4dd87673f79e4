package dev.reelmesh.common.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.v1.ArtifactRef;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
  @TempDir Path dir;

  private ArtifactStore store() throws Exception {
    return new ArtifactStore(Files.createDirectories(dir.resolve("root")));
  }

  private static void assertInvalid(Runnable call, String fragment) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getStatus().getDescription()).startsWith("clips[0]").contains(fragment);
    });
  }

  @Test
  void resolvesRelativePathsAndFileUrisInsideTheRoot() throws Exception {
    ArtifactStore store = store();
    assertThat(store.resolve("f", "jobs/a/final.mp4"))
        .isEqualTo(store.root().resolve("jobs/a/final.mp4"));
    assertThat(store.resolve("f", store.root().resolve("x.png").toUri().toString()))
        .isEqualTo(store.root().resolve("x.png"));
  }

  @Test
  void refusesEverythingThatEscapesTheRoot() throws Exception {
    ArtifactStore store = store();
    assertInvalid(() -> store.resolve("clips[0]", "../secret"), "outside the artifact root");
    assertInvalid(() -> store.resolve("clips[0]", "a/../../secret"), "outside the artifact root");
    assertInvalid(() -> store.resolve("clips[0]", "/etc/passwd"), "outside the artifact root");
    assertInvalid(() -> store.resolve("clips[0]", "file:///etc/passwd"), "outside");
    assertInvalid(() -> store.resolve("clips[0]", "http://example.com/a.mp4"), "only paths");
    assertInvalid(() -> store.resolve("clips[0]", " "), "empty");
  }

  @Test
  void refusesASymlinkThatPointsOutOfTheRoot() throws Exception {
    ArtifactStore store = store();
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("s.txt"), "secret");
    Files.createSymbolicLink(store.root().resolve("link"), outside);
    assertInvalid(() -> store.resolve("clips[0]", "link/s.txt"), "outside the artifact root");
  }

  @Test
  void refusesADanglingSymlinkWhoseTargetIsOutside() throws Exception {
    ArtifactStore store = store();
    Files.createSymbolicLink(store.root().resolve("out.mp4"), dir.resolve("elsewhere.mp4"));
    assertInvalid(() -> store.newOutput("clips[0]", "out.mp4", "media", ".mp4"),
        "outside the artifact root");
    assertThat(dir.resolve("elsewhere.mp4")).doesNotExist();
  }

  @Test
  void followsALinkThatStaysInsideTheRoot() throws Exception {
    ArtifactStore store = store();
    Files.createDirectories(store.root().resolve("real"));
    Files.writeString(store.root().resolve("real/a.txt"), "a");
    Files.createSymbolicLink(store.root().resolve("alias"), store.root().resolve("real"));
    assertThat(store.resolveExisting("clips[0]", ArtifactRef.newBuilder()
        .setUri("alias/a.txt").build())).hasContent("a");
  }

  @Test
  void boundsTheLengthAndDepthOfAReference() throws Exception {
    ArtifactStore store = store();
    String huge = "a/".repeat(50_000) + "x.mp4"; // the 100 KB reference that once took seconds
    assertInvalid(() -> store.resolve("clips[0]", huge), "at most " + ArtifactStore.MAX_URI_CHARS);
    String deep = "d/".repeat(ArtifactStore.MAX_DEPTH) + "x.mp4";
    assertInvalid(() -> store.resolve("clips[0]", deep), "directories deep");
    assertThatThrownBy(() -> store.resolve("clips[0]", huge)).hasMessageContaining("clips[0].uri");
    assertThat(store.resolve("clips[0]", "d/".repeat(ArtifactStore.MAX_DEPTH - 1) + "x.mp4")
        .startsWith(store.root())).isTrue();
  }

  @Test
  void verifiesTheSizeAndDigestAReferenceCarries() throws Exception {
    ArtifactStore store = store();
    Path file = store.newOutput("out", "a.png", "media", ".png");
    Files.writeString(file, "the real content");
    ArtifactRef good = store.describe(file);
    assertThat(store.resolveExisting("clips[0]", good)).isEqualTo(file);
    String other = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest("other".getBytes(StandardCharsets.UTF_8)));
    assertInvalid(() -> store.resolveExisting("clips[0]", good.toBuilder().setSha256(other)
        .build()), "does not match");
    assertThatThrownBy(() -> store.resolveExisting("clips[0]", good.toBuilder()
        .setSha256(other).build())).hasMessageContaining("clips[0].sha256");
    assertInvalid(() -> store.resolveExisting("clips[0]", good.toBuilder().setSha256("XYZ")
        .build()), "64 lowercase hex");
    assertInvalid(() -> store.resolveExisting("clips[0]", good.toBuilder().setSizeBytes(3)
        .build()), "holds " + Files.size(file));
    assertInvalid(() -> store.resolveExisting("clips[0]", good.toBuilder().setSizeBytes(-1)
        .build()), ">= 0");
    // Unknown size and digest are measured, not refused.
    assertThat(store.resolveExisting("clips[0]", ArtifactRef.newBuilder().setUri("a.png")
        .build())).isEqualTo(file);
  }

  @Test
  void missingArtifactsAreNotFound() throws Exception {
    ArtifactStore store = store();
    assertThatThrownBy(() -> store.resolveExisting("video",
            ArtifactRef.newBuilder().setUri("nope.mp4").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void describesAFileWithSizeAndSha256() throws Exception {
    ArtifactStore store = store();
    byte[] content = "hello reelmesh".getBytes(StandardCharsets.UTF_8);
    Path file = store.newOutput("out", "a/b/c.png", "media", ".png");
    Files.write(file, content);
    ArtifactRef ref = store.describe(file);
    assertThat(ref.getUri()).isEqualTo("a/b/c.png");
    assertThat(ref.getMediaType()).isEqualTo("image/png");
    assertThat(ref.getSizeBytes()).isEqualTo(content.length);
    assertThat(ref.getSha256()).isEqualTo(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
  }

  @Test
  void freshOutputsLandUnderTheDefaultDirectory() throws Exception {
    ArtifactStore store = store();
    Path a = store.newOutput("out", "", "media", ".mp4");
    Path b = store.newOutput("out", null, "media", ".mp4");
    assertThat(a).isNotEqualTo(b);
    assertThat(a.startsWith(store.root().resolve("media"))).as("%s under media/", a).isTrue();
    assertThat(a.toString()).endsWith(".mp4");
    assertThat(Files.isDirectory(a.getParent())).isTrue();
  }
}
