package dev.reelmesh.orchestrator.provider.registry;

import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageRequest;
import dev.reelmesh.orchestrator.provider.speech.SpeechProvider;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A job's providers, one per role, each its role's choice (a provider or a fallback chain) run
 * through the registry: created on first use, passed over when unconfigured or unavailable, and
 * asked only for what the model in use takes.
 */
public final class JobProviders {
  private JobProviders() {}

  public static VideoProvider video(ProviderRegistry registry, String choice,
      ProviderResources resources, FallbackReport report) {
    Chain<VideoEntry, VideoProvider> chain = new Chain<>(Role.VIDEO, VideoEntry.class, registry,
        choice, VideoEntry::create, resources, report);
    return new VideoProvider() {
      @Override
      public String name() {
        return chain.name();
      }

      @Override
      public Rendered render(ClipRequest request) throws Exception {
        return chain.call(request.clipIndex(), use -> use.provider().render(
            ClipFit.fit(use.capabilities(), use.text(), request)));
      }

      @Override
      public List<Integer> allowedSeconds() {
        // The element a run uses first, looked up without building it or moving the chain.
        return registry.clipSeconds(choice);
      }

      @Override
      public Optional<Still> still(ClipRequest request) {
        Chain.Use<VideoProvider> use = chain.use();
        return use.provider().still(ClipFit.fit(use.capabilities(), use.text(), request));
      }
    };
  }

  public static ImageProvider image(ProviderRegistry registry, String choice,
      ProviderResources resources, FallbackReport report) {
    Chain<ImageEntry, ImageProvider> chain = new Chain<>(Role.IMAGE, ImageEntry.class, registry,
        choice, ImageEntry::create, resources, report);
    return new ImageProvider() {
      @Override
      public String name() {
        return chain.name();
      }

      @Override
      public List<Path> generate(ImageRequest request) throws Exception {
        return chain.call(request.clipIndex(), use -> use.provider().generate(
            anchorsTrimmed(request, use.capabilities().maxReferenceImages())));
      }
    };
  }

  /** Only as many anchors (strongest first) as the model takes. */
  static ImageRequest anchorsTrimmed(ImageRequest r, int max) {
    if (r.anchors().size() <= max) {
      return r;
    }
    return new ImageRequest(r.prompt(), r.plan(), r.clipIndex(), r.frame(), r.variations(),
        r.size(), r.seed(), max == 0 ? null : r.reference(), r.anchors().subList(0, max),
        r.outDir());
  }

  public static SpeechProvider speech(ProviderRegistry registry, String choice,
      ProviderResources resources, FallbackReport report) {
    Chain<SpeechEntry, SpeechProvider> chain = new Chain<>(Role.SPEECH, SpeechEntry.class,
        registry, choice, SpeechEntry::create, resources, report);
    return new SpeechProvider() {
      @Override
      public String name() {
        return chain.name();
      }

      @Override
      public Optional<String> unavailableReason() {
        try {
          return chain.use().provider().unavailableReason();
        } catch (io.grpc.StatusRuntimeException e) {
          // No element of the chain can speak: the audio stage goes on with captions only.
          return Optional.of(e.getStatus().getDescription());
        }
      }

      @Override
      public void speak(String text, Path wav) throws Exception {
        chain.call(-1, use -> {
          use.provider().speak(text, wav);
          return null;
        });
      }
    };
  }
}
