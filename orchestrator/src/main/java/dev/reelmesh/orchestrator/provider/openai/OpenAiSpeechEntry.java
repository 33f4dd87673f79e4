package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.provider.registry.Capabilities;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.registry.Setting;
import dev.reelmesh.orchestrator.provider.registry.SpeechEntry;
import dev.reelmesh.orchestrator.provider.speech.SpeechProvider;
import dev.reelmesh.v1.CostLine;
import java.util.List;

/** Narration from OpenAI speech (gpt-4o-mini-tts, tts-1, ...). */
final class OpenAiSpeechEntry extends OpenAiEntry implements SpeechEntry {
  OpenAiSpeechEntry(OpenAiConfig config, LazyClient client) {
    super(config, client);
  }

  @Override
  public String description() {
    return "OpenAI speech (gpt-4o-mini-tts and compatible): the narration lines";
  }

  @Override
  List<Setting> roleSettings() {
    return List.of(
        Setting.optional("REELMESH_OPENAI_TTS_MODEL", "speech model (default gpt-4o-mini-tts)"),
        Setting.optional("REELMESH_OPENAI_VOICE", "voice (default alloy)"));
  }

  @Override
  public String defaultModel() {
    return config.speechModel();
  }

  @Override
  public Capabilities capabilities(String model) {
    return new Capabilities(List.of(), 0, 0, java.util.Map.of(), false, false, 0, false, 4096);
  }

  private OpenAiConfig config(String model) {
    return model.isEmpty() ? config : config.withSpeechModel(model);
  }

  @Override
  public CostLine estimate(String model, int characters, String label) {
    OpenAiConfig c = config(model);
    return CostLine.newBuilder().setStage("audio").setProvider(name())
        .setItem(c.speechModel() + " " + c.voice()).setQuantity(characters)
        .setUnit("characters")
        .setEstimatedMicros(characters * PriceTable.speechCharMicros(c.speechModel())).build();
  }

  @Override
  public SpeechProvider create(String model, ProviderResources resources) {
    OpenAiConfig c = config(model);
    return new OpenAiSpeechProvider(client.get(), c, new OpenAiCalls(c), resources.spend(),
        resources.memo());
  }
}
