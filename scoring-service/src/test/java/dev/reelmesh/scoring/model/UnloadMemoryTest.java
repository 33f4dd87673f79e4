package dev.reelmesh.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelmesh.scoring.testing.Linear;
import dev.reelmesh.scoring.testing.OnnxModelBuilder;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.scoring.testing.TinyModels;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.UnloadModelRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unloading gives the model's native memory back: after 20 unload/load cycles of a 25 MB model
 * the process's resident set is within 10 % of what it was after the first load, and each unload
 * drops it by most of the model's size. Measured from /proc/self/status (Linux). Without
 * {@link NativeMemory} it crept to +10–30 % (glibc kept the freed buffers in its arenas).
 */
class UnloadMemoryTest {
  static final int SIZE = 64;
  static final int DIM = 512;
  @TempDir Path dir;

  @Test
  void twentyUnloadLoadCyclesKeepTheResidentSetWithinTenPercentOfTheFirstLoad() throws Exception {
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isReadable(status), "needs Linux /proc");
    Linear l = Linear.random(new Random(3), 3 * SIZE * SIZE, DIM, 0.01, 0.01);
    byte[] onnx = new OnnxModelBuilder("big")
        .input("pixel_values", OnnxModelBuilder.FLOAT, -1, 3, SIZE, SIZE)
        .floats("W", l.w(), l.in(), l.out()).floats("B", l.b(), l.out())
        .node("Flatten", List.of("pixel_values"), List.of("flat"), "axis", 1L)
        .node("Gemm", List.of("flat", "W", "B"), List.of("image_embeds"))
        .output("image_embeds", OnnxModelBuilder.FLOAT, -1, DIM).build();
    TinyModels.install(dir.resolve("models"), "big", 1,
        "{\"kind\":\"clip-vision\",\"preprocess\":{\"size\":" + SIZE + "}}", onnx, false);
    long modelBytes = onnx.length;
    onnx = null; // only the file remains
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config())) {
      // The startup load shares the process with the heap that built the model; the first load
      // measured is the first explicit one, after the JVM has settled.
      h.stub().unloadModel(UnloadModelRequest.newBuilder().setName("big").build());
      h.stub().loadModel(LoadModelRequest.newBuilder().setName("big").build());
      long first = rss(status);
      long lowest = Long.MAX_VALUE;
      long highest = 0;
      for (int i = 0; i < 20; i++) {
        h.stub().unloadModel(UnloadModelRequest.newBuilder().setName("big").build());
        lowest = Math.min(lowest, rss(status));
        h.stub().loadModel(LoadModelRequest.newBuilder().setName("big").build());
        highest = Math.max(highest, rss(status));
      }
      long last = rss(status);
      System.out.printf("UnloadMemoryTest: model %.1f MB; RSS after first load %.1f MB, after"
          + " 20 cycles %.1f MB (highest %.1f, lowest while unloaded %.1f)%n", modelBytes / 1e6,
          first / 1e6, last / 1e6, highest / 1e6, lowest / 1e6);
      assertThat((double) last).isLessThanOrEqualTo(first * 1.10);
      assertThat((double) highest).isLessThanOrEqualTo(first * 1.10);
      // Unloaded, most of the model's memory is back with the system.
      assertThat(lowest).isLessThan(highest - modelBytes / 2);
    }
  }

  static long rss(Path status) throws Exception {
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS in " + status);
  }
}
