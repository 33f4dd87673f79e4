package dev.reelmesh.orchestrator.testing;

import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.orchestrator.provider.image.AnimaticImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageRequest;
import dev.reelmesh.orchestrator.provider.speech.EspeakSpeechProvider;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.MotionVideoProvider;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.stage.Providers;
import dev.reelmesh.v1.ProviderChoices;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntPredicate;

/** Providers that fail, count or stall on purpose, around the real offline engines. */
public final class TestProviders implements ProviderFactory {
  public final AtomicInteger imageCalls = new AtomicInteger();
  public final AtomicInteger videoCalls = new AtomicInteger();
  /** Image calls (1-based count) that throw. */
  public volatile IntPredicate imageFails = call -> false;
  /** Clips whose frames always fail to generate. */
  public volatile IntPredicate clipImageFails = clip -> false;
  /** Replaces the video provider (e.g. one that stalls); null = the real motion engine. */
  public volatile Function<MeshChannels, VideoProvider> video;

  @Override
  public dev.reelmesh.orchestrator.provider.registry.ProviderRegistry registry() {
    return dev.reelmesh.orchestrator.provider.catalog.StandardProviders.withoutKeys();
  }

  @Override
  public Providers forJob(ProviderChoices choices, MeshChannels channels,
      dev.reelmesh.orchestrator.stage.ProviderScope scope) {
    AnimaticImageProvider animatic = new AnimaticImageProvider();
    ImageProvider image = new ImageProvider() {
      @Override
      public String name() {
        return "animatic";
      }

      @Override
      public List<Path> generate(ImageRequest request) throws Exception {
        int call = imageCalls.incrementAndGet();
        if (imageFails.test(call)) {
          throw new IllegalStateException("injected image failure on call " + call);
        }
        if (clipImageFails.test(request.clipIndex())) {
          throw new IllegalStateException("injected image failure for clip "
              + request.clipIndex());
        }
        return animatic.generate(request);
      }
    };
    VideoProvider real = video != null ? video.apply(channels)
        : new MotionVideoProvider(channels.media());
    VideoProvider counted = new VideoProvider() {
      @Override
      public String name() {
        return real.name();
      }

      @Override
      public Rendered render(ClipRequest request) throws Exception {
        videoCalls.incrementAndGet();
        return real.render(request);
      }

      @Override
      public java.util.Optional<Still> still(ClipRequest request) {
        java.util.Optional<Still> still = real.still(request);
        if (still.isPresent()) {
          videoCalls.incrementAndGet();
        }
        return still;
      }
    };
    return new Providers(image, counted, EspeakSpeechProvider.fromPath(System.getenv("PATH")));
  }
}
