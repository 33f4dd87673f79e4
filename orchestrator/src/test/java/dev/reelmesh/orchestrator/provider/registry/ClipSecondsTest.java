package dev.reelmesh.orchestrator.provider.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.provider.catalog.StandardProviders;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clip lengths a job's plan is cut to: those of its video chain's first usable element. */
class ClipSecondsTest {
  private final ProviderRegistry registry = StandardProviders.fromEnv(Map.of("FAL_KEY", "k"));

  @Test
  void theFirstUsableElementsLengthsAndAnyForTheBuiltInEngine() {
    assertThat(registry.clipSeconds("fal:kling-2.1,motion")).containsExactly(5, 10);
    assertThat(registry.clipSeconds("fal")).containsExactly(5, 10); // fal's default is Kling 2.1
    assertThat(registry.clipSeconds("runway,fal:kling-2.1")).containsExactly(5, 10); // no Runway key
    assertThat(registry.clipSeconds("motion")).isEmpty();
    assertThat(registry.clipSeconds("")).isEmpty(); // the default: motion
    assertThat(StandardProviders.withoutKeys().clipSeconds("fal,motion")).isEmpty();
  }

  @Test
  void aJobsVideoProviderTellsThemWithoutMovingItsChain() {
    List<String> fallbacks = new ArrayList<>();
    VideoProvider video = JobProviders.video(registry, "runway,fal:kling-2.1", null,
        (role, wanted, used, reason, clip) -> fallbacks.add(reason));
    assertThat(video.allowedSeconds()).containsExactly(5, 10);
    // Asking built nothing and passed nothing over: the clips stage reports the fallback.
    assertThat(fallbacks).isEmpty();
    assertThat(video.name()).isEqualTo("runway");
  }
}
