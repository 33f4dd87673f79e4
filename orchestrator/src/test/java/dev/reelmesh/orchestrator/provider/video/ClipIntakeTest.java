package dev.reelmesh.orchestrator.provider.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a provider hands back is measured by the media service before anything stitches it. */
class ClipIntakeTest {
  @TempDir static Path dir;
  static TestMesh mesh;
  static ArtifactStore artifacts;
  static byte[] fourSeconds;

  @BeforeAll
  static void start() throws Exception {
    mesh = TestMesh.start(dir);
    artifacts = new ArtifactStore(mesh.settings.artifactRoot());
    fourSeconds = TestMedia.mp4(mesh, 4);
  }

  @AfterAll
  static void stop() {
    mesh.close();
  }

  private static Path write(String name, byte[] bytes) throws Exception {
    Path out = mesh.settings.artifactRoot().resolve("intake/" + name);
    ClipIntake.copy(new ByteArrayInputStream(bytes), out);
    return out;
  }

  private static void assertRefused(Path file, double needed, Status.Code code, String words) {
    assertThatThrownBy(() -> ClipIntake.accept(mesh.channels().media(), artifacts, file, needed,
        "fake (clip 1)", "ask for longer clips"))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).startsWith("fake (clip 1)").contains(words);
        });
  }

  @Test
  void aGoodClipIsAcceptedWithItsProbedLength() throws Exception {
    Path file = write("good.mp4", fourSeconds);
    assertThat(Files.exists(file.resolveSibling("good.mp4.part"))).isFalse();
    ClipIntake.Accepted clip = ClipIntake.accept(mesh.channels().media(), artifacts, file, 3.9,
        "fake (clip 1)", "");
    assertThat(clip.seconds()).isCloseTo(4.0, Offset.offset(0.1));
    assertThat(clip.clip().getSizeBytes()).isEqualTo(fourSeconds.length);
  }

  @Test
  void anEmptyUndecodableOrSoundOnlyFileIsDataLossAndRemoved() throws Exception {
    Path empty = write("empty.mp4", new byte[0]);
    assertRefused(empty, 4, Status.Code.DATA_LOSS, "empty file (0 bytes)");
    assertThat(empty).doesNotExist();
    Path garbage = write("garbage.mp4", "<html>expired</html>".getBytes());
    assertRefused(garbage, 4, Status.Code.DATA_LOSS, "cannot be decoded");
    assertThat(garbage).doesNotExist();
    Path sound = write("sound.mp4", TestMedia.wav(5));
    assertRefused(sound, 4, Status.Code.DATA_LOSS, "no video stream");
    assertThat(sound).doesNotExist();
  }

  @Test
  void aClipShorterThanAskedIsRefusedWithBothLengthsAndTheHint() throws Exception {
    Path file = write("short.mp4", fourSeconds);
    assertRefused(file, 8, Status.Code.FAILED_PRECONDITION, "needs 8.00 s");
    // Removed, so a re-run downloads it again rather than taking it for a finished clip.
    assertThat(file).doesNotExist();
    Path again = write("short.mp4", fourSeconds);
    assertThatThrownBy(() -> ClipIntake.accept(mesh.channels().media(), artifacts, again, 8,
        "fake (clip 1)", "ask for longer clips")).hasMessageContaining("ask for longer clips");
  }
}
