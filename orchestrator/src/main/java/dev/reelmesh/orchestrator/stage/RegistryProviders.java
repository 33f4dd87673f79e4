package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.orchestrator.provider.registry.JobProviders;
import dev.reelmesh.orchestrator.provider.registry.ProviderRegistry;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.v1.ProviderChoices;

/** Each role's provider (or fallback chain) of a job, made through the registry's entries. */
record RegistryProviders(ProviderRegistry registry) implements ProviderFactory {
  @Override
  public Providers forJob(ProviderChoices choices, MeshChannels channels, ProviderScope scope) {
    ProviderResources resources = new ProviderResources(scope.spend(), scope.memo(),
        scope.artifacts(), channels.media());
    return new Providers(
        JobProviders.image(registry, choices.getImage(), resources, scope.fallbacks()),
        JobProviders.video(registry, choices.getVideo(), resources, scope.fallbacks()),
        JobProviders.speech(registry, choices.getSpeech(), resources, scope.fallbacks()));
  }
}
