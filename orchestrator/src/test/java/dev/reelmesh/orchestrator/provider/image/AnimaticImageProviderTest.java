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

  @Test
  void theReferenceIsReadOncePerVersionOfItsFileAndAReplacedOneIsReadAgain() throws Exception {
    Path reference = dir.resolve("ref.png");
    square(reference, 0xC0392B, 120);
    AnimaticImageProvider provider = new AnimaticImageProvider();
    Path red = provider.generate(withReference(reference, dir.resolve("red"))).get(0);
    Path redAgain = provider.generate(withReference(reference, dir.resolve("red2"))).get(0);
    square(reference, 0x2E86C1, 160); // replaced: another size and colour
    Path blue = provider.generate(withReference(reference, dir.resolve("blue"))).get(0);
    Path blueFresh = new AnimaticImageProvider()
        .generate(withReference(reference, dir.resolve("fresh"))).get(0);
    assertThat(Files.readAllBytes(redAgain)).isEqualTo(Files.readAllBytes(red));
    assertThat(Files.readAllBytes(blue)).as("the new reference, not the cached old one")
        .isNotEqualTo(Files.readAllBytes(red))
        .isEqualTo(Files.readAllBytes(blueFresh));
  }

  private ImageRequest withReference(Path reference, Path out) {
    return new ImageRequest("Leo pours water", plan(), 0, FrameKind.FRAME_KIND_START, 2,
        new FrameSize(320, 180), 7, reference, List.of(reference), out);
  }

  /** A coloured square on a white ground: a reference the cut-out keys cleanly. */
  private static void square(Path file, int rgb, int size) throws Exception {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, size, size);
    g.setColor(new java.awt.Color(rgb));
    g.fillRect(size / 4, size / 4, size / 2, size / 2);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }
}
