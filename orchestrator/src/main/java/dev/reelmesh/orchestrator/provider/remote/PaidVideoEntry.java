package dev.reelmesh.orchestrator.provider.remote;

import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.registry.VideoEntry;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;
import dev.reelmesh.v1.CostLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the remote video entries share: paid, one secret key plus optional settings, "missing"
 * when the key is unset or the model has no price, refusing to create a provider while anything
 * is missing, and a per-second cost line.
 */
public abstract class PaidVideoEntry implements VideoEntry {
  private final String name;
  private final String description;
  private final Setting key;
  private final boolean keySet;
  private final List<Setting> optional;

  protected PaidVideoEntry(String name, String description, Setting key, boolean keySet,
      List<Setting> optional) {
    this.name = name;
    this.description = description;
    this.key = key;
    this.keySet = keySet;
    this.optional = List.copyOf(optional);
  }

  /** What to set when the model ("" = the default) has no price; empty when it has one. */
  protected abstract Optional<String> unpriced(String model);

  /** The provider for one job; called only when nothing is missing. */
  protected abstract VideoProvider provider(String model, ProviderResources resources);

  /** Micro-dollars per second of video for the model, when configured or documented. */
  protected abstract Optional<Long> microsPerSecond(String model);

  /** The model's id as the line names it ("" = the default). */
  protected abstract String modelId(String model);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean paid() {
    return true;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final List<Setting> settings() {
    List<Setting> all = new ArrayList<>(List.of(key));
    all.addAll(optional);
    return all;
  }

  @Override
  public final Optional<String> missing(String model) {
    return keySet ? unpriced(model) : Optional.of(keyMissing(name, key.variable()));
  }

  /** "provider 'fal' needs FAL_KEY set …": shared with the image entries. */
  public static String keyMissing(String provider, String variable) {
    return "provider '" + provider + "' needs " + variable + " set for the orchestrator; see "
        + "docs/providers.md";
  }

  @Override
  public CostLine estimate(String model, double seconds, int width, int height, String label) {
    long perSecond = microsPerSecond(model).orElseThrow(() -> ClipLines.unconfigured(
        missing(model).orElse(name + ": no price for " + modelId(model))));
    return ClipLines.clip(name, modelId(model) + " (" + label + ")", seconds,
        Math.round(perSecond * seconds));
  }

  @Override
  public final VideoProvider create(String model, ProviderResources resources) {
    ClipLines.requireConfigured(missing(model));
    return provider(model, resources);
  }
}
