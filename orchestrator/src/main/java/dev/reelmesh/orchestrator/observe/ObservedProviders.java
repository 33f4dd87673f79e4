package dev.reelmesh.orchestrator.observe;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.common.observe.SpanParents;
import dev.reelmesh.common.observe.Tracing;
import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageRequest;
import dev.reelmesh.orchestrator.provider.speech.SpeechProvider;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.orchestrator.stage.Providers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's providers, each call timed, counted by outcome and traced as a span (current while
 * it runs, so the RPCs it makes are its children). Decorating the providers, not the stages,
 * covers every provider a registry may add without touching its code.
 */
public final class ObservedProviders {
  /** The provider call this thread is in, so a retry event can name its provider. */
  private static final ThreadLocal<String[]> CURRENT = new ThreadLocal<>();

  private ObservedProviders() {}

  public static Providers wrap(Providers providers) {
    return new Providers(new Image(providers.image()), new Video(providers.video()),
        new Speech(providers.speech()));
  }

  /** {role, provider} of the call running on this thread, or null. */
  static String[] current() {
    return CURRENT.get();
  }

  interface Call<T> {
    T run() throws Exception;
  }

  static <T> T call(String role, String provider, Call<T> call) throws Exception {
    Span span = Tracing.tracer().spanBuilder(role + " " + provider)
        .setParent(SpanParents.current()).startSpan();
    span.setAttribute("reelmesh.provider.role", role);
    span.setAttribute("reelmesh.provider", provider);
    String[] outer = CURRENT.get();
    CURRENT.set(new String[] {role, provider});
    long start = System.nanoTime();
    String outcome = "ok";
    try (Scope ignored = span.makeCurrent()) {
      return call.run();
    } catch (Exception | Error e) {
      outcome = Statuses.fromThrowable(e).getCode().name().toLowerCase(Locale.ROOT);
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, outcome);
      throw e;
    } finally {
      JobMetrics.call(role, provider, outcome, System.nanoTime() - start);
      span.end();
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  private record Image(ImageProvider inner) implements ImageProvider {
    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public List<Path> generate(ImageRequest request) throws Exception {
      return call("image", inner.name(), () -> inner.generate(request));
    }
  }

  private record Video(VideoProvider inner) implements VideoProvider {
    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public Rendered render(ClipRequest request) throws Exception {
      return call("video", inner.name(), () -> inner.render(request));
    }

    @Override
    public Optional<Still> still(ClipRequest request) {
      return inner.still(request); // a plan for the final stitch, no work of its own
    }

    @Override
    public List<Integer> allowedSeconds() {
      return inner.allowedSeconds();
    }
  }

  private record Speech(SpeechProvider inner) implements SpeechProvider {
    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public Optional<String> unavailableReason() {
      return inner.unavailableReason();
    }

    @Override
    public void speak(String text, Path wav) throws Exception {
      call("speech", inner.name(), () -> {
        inner.speak(text, wav);
        return null;
      });
    }
  }
}
