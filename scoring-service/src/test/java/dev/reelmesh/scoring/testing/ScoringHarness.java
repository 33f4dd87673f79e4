package dev.reelmesh.scoring.testing;

import com.google.protobuf.ByteString;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.scoring.ScoringConfig;
import dev.reelmesh.scoring.ScoringRuntime;
import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.ScoringServiceGrpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The scoring runtime served in-process through the production wiring, with a stub to it. */
public final class ScoringHarness implements AutoCloseable {
  public final MeshSettings settings;
  public final ScoringRuntime runtime;
  public final InProcessService server;

  public ScoringHarness(Path dir, ScoringConfig config) {
    this.settings = new MeshSettings(dir.resolve("data"), dir.resolve("models"));
    this.runtime = ScoringRuntime.open(settings, config);
    this.server = InProcessService.start(runtime.services());
  }

  /** No polling (tests trigger loads explicitly or scan), batching on. */
  public static ScoringConfig config() {
    return ScoringConfig.defaults().withPollInterval(Duration.ZERO)
        .withBatching(16, Duration.ofMillis(2));
  }

  public ScoringServiceGrpc.ScoringServiceBlockingStub stub() {
    return ScoringServiceGrpc.newBlockingStub(server.channel())
        .withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  public static ImageSource inline(RgbImage image) {
    return inline(Images.png(image));
  }

  public static ImageSource inline(byte[] bytes) {
    return ImageSource.newBuilder().setData(ByteString.copyFrom(bytes)).build();
  }

  @Override
  public void close() {
    server.close();
    runtime.close();
  }
}
