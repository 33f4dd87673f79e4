package dev.reelmesh.orchestrator.testing;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.provider.image.AnimaticImageProvider;
import dev.reelmesh.orchestrator.provider.speech.NoSpeechProvider;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.stage.ProviderScope;
import dev.reelmesh.orchestrator.stage.Providers;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EngineInfo;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.ProviderChoices;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.RenderMotionClipResponse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import javax.imageio.ImageIO;

/**
 * A paid video provider for tests: each render holds its price through the job's budget guard
 * and settles it, like a real one, and renders through the media service either a clip of the
 * storyboard frames (a blend from the start frame to the end frame: what was asked) or, where
 * {@link #wrong} says so, a solid colour as far from the start frame as the RGB cube allows.
 */
public final class PaidFakeVideo implements ProviderFactory {
  public static final String NAME = "paid-fake";
  /** Renders that were paid for and made. */
  public final AtomicInteger renders = new AtomicInteger();
  /** Per clip, how many renders it had. */
  public final Map<Integer, AtomicInteger> perClip = new ConcurrentHashMap<>();
  /** (clip index, that clip's render number from 1): render the wrong, solid clip. */
  public volatile BiPredicate<Integer, Integer> wrong = (clip, call) -> call == 1;
  public final long microsPerSecond;

  public PaidFakeVideo(long microsPerSecond) {
    this.microsPerSecond = microsPerSecond;
  }

  /** Jobs choose the built-in names; this factory renders every clip through the fake. */
  @Override
  public dev.reelmesh.orchestrator.provider.registry.ProviderRegistry registry() {
    return dev.reelmesh.orchestrator.provider.catalog.StandardProviders.withoutKeys();
  }

  @Override
  public Providers forJob(ProviderChoices choices, MeshChannels channels, ProviderScope scope) {
    return new Providers(new AnimaticImageProvider(), video(channels, scope),
        new NoSpeechProvider());
  }

  /** The line held for a clip of {@code seconds} (rounded up, as providers bill). */
  public CostLine estimate(int clip, double seconds) {
    int billed = (int) Math.ceil(seconds - 1e-9);
    return CostLine.newBuilder().setStage("clips").setProvider(NAME).setItem("clip " + (clip + 1))
        .setQuantity(billed).setUnit("video_seconds")
        .setEstimatedMicros(microsPerSecond * billed).build();
  }

  private VideoProvider video(MeshChannels channels, ProviderScope scope) {
    return new VideoProvider() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public Rendered render(ClipRequest request) throws IOException {
        CostLine estimate = estimate(request.clipIndex(), request.durationSeconds());
        try (Spend.Hold hold = scope.spend().hold(estimate)) {
          int call = perClip.computeIfAbsent(request.clipIndex(), k -> new AtomicInteger())
              .incrementAndGet();
          renders.incrementAndGet();
          RenderMotionClipRequest.Builder clip = RenderMotionClipRequest.newBuilder()
              .setDurationSeconds(request.durationSeconds()).setWidth(request.size().width())
              .setHeight(request.size().height()).setFps(request.fps())
              .setOutputPath(request.outputPath());
          if (wrong.test(request.clipIndex(), call)) {
            clip.setStartFrame(solidOpposite(scope.artifacts(), request)).setMotion(
                Motion.MOTION_STATIC);
          } else {
            clip.setStartFrame(request.startFrame()).setEndFrame(request.endFrame())
                .setMotion(Motion.MOTION_BLEND);
          }
          RenderMotionClipResponse made = MediaServiceGrpc.newBlockingStub(channels.media())
              .withDeadlineAfter(2, TimeUnit.MINUTES).renderMotionClip(clip.build());
          hold.settle(estimate.toBuilder().setActualMicros(estimate.getEstimatedMicros())
              .build());
          return new Rendered(made.getClip(), made.getProbe().getDurationSeconds(),
              EngineInfo.newBuilder().setEngine(NAME).build());
        }
      }
    };
  }

  /** Per channel 0 where the start frame's mean is bright, 255 where it is dark. */
  public static int oppositeColour(BufferedImage frame) {
    long[] sum = new long[3];
    for (int y = 0; y < frame.getHeight(); y++) {
      for (int x = 0; x < frame.getWidth(); x++) {
        int p = frame.getRGB(x, y);
        sum[0] += p >> 16 & 0xff;
        sum[1] += p >> 8 & 0xff;
        sum[2] += p & 0xff;
      }
    }
    long n = (long) frame.getWidth() * frame.getHeight();
    int rgb = 0;
    for (int c = 0; c < 3; c++) {
      rgb = rgb << 8 | (sum[c] / n > 127 ? 0 : 255);
    }
    return rgb;
  }

  private static ArtifactRef solidOpposite(ArtifactStore artifacts, ClipRequest request)
      throws IOException {
    BufferedImage start = ImageIO.read(artifacts.resolve("start", request.startFrame().getUri())
        .toFile());
    BufferedImage solid = new BufferedImage(request.size().width(), request.size().height(),
        BufferedImage.TYPE_INT_RGB);
    int rgb = oppositeColour(start);
    for (int y = 0; y < solid.getHeight(); y++) {
      for (int x = 0; x < solid.getWidth(); x++) {
        solid.setRGB(x, y, rgb);
      }
    }
    Path file = artifacts.resolve("solid", request.outputPath().replaceFirst("\\.mp4$",
        "-solid.png"));
    Files.createDirectories(file.getParent());
    ImageIO.write(solid, "png", file.toFile());
    return artifacts.describe(file, "image/png");
  }
}
