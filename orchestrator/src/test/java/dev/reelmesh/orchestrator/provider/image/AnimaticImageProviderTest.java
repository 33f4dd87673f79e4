package dev.reelmesh.orchestrator.provider.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.Character;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.GlobalStyle;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimaticImageProviderTest {
  @TempDir Path dir;

  private static ScenePlan plan() {
    return ScenePlan.newBuilder()
        .setStyle(GlobalStyle.newBuilder().addPalette("#1B3A5C").addPalette("#E8A33D")
            .addPalette("#F4EBD9"))
        .addCharacters(Character.newBuilder().setId("char-1").setName("Leo"))
        .addClips(PlannedClip.newBuilder().setIndex(0).setStartSeconds(0).setEndSeconds(4)
            .setVisualDescription("Leo pours water").setCamera("close-up").addCharacterIds("char-1"))
        .build();
  }

  private ImageRequest request(int variations, long seed, Path out) {
    return new ImageRequest("Leo pours water", plan(), 0, FrameKind.FRAME_KIND_START, variations,
        new FrameSize(320, 180), seed, null, List.of(), out);
  }

  @Test
  void paintsTheRequestedVariationsAtTheFrameSizeReproducibly() throws Exception {
    List<Path> first = new AnimaticImageProvider().generate(request(3, 7, dir.resolve("a")));
    List<Path> again = new AnimaticImageProvider().generate(request(3, 7, dir.resolve("b")));
    assertThat(first).hasSize(3);
    for (int i = 0; i < 3; i++) {
      BufferedImage image = ImageIO.read(first.get(i).toFile());
      assertThat(image.getWidth()).isEqualTo(320);
      assertThat(image.getHeight()).isEqualTo(180);
      assertThat(Files.readAllBytes(first.get(i))).as("same seed, same frame")
          .isEqualTo(Files.readAllBytes(again.get(i)));
    }
    assertThat(Files.readAllBytes(first.get(0))).as("variations differ")
        .isNotEqualTo(Files.readAllBytes(first.get(1)));
  }

  @Test
  void aDifferentSeedGivesDifferentFrames() throws Exception {
    Path a = new AnimaticImageProvider().generate(request(1, 1, dir.resolve("a"))).get(0);
    Path b = new AnimaticImageProvider().generate(request(1, 2, dir.resolve("b"))).get(0);
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));
  }
}
