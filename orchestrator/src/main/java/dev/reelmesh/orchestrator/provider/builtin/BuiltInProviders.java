package dev.reelmesh.orchestrator.provider.builtin;

import dev.reelmesh.orchestrator.provider.registry.ProviderEntry;
import java.util.List;
import java.util.Map;

/**
 * The offline engines, registered first in each role so a job that names no provider gets them:
 * animatic images, motion clips, espeak-ng narration (and "none").
 */
public final class BuiltInProviders {
  private BuiltInProviders() {}

  public static List<ProviderEntry> entries(Map<String, String> env) {
    return List.of(new AnimaticEntry(), new MotionEntry(),
        new EspeakEntry(env.getOrDefault("PATH", "")), new NoSpeechEntry());
  }
}
