package dev.reelmesh.orchestrator.provider.openai;

import dev.reelmesh.orchestrator.spec.FrameSize;
import java.util.List;

/**
 * EstimateCost's prices for the OpenAI providers: the same table and the same rounding the
 * providers hold against the budget before each call, so a dry run and a real run agree.
 */
public final class OpenAiEstimates {
  private final OpenAiConfig config;

  public OpenAiEstimates(OpenAiConfig config) {
    this.config = config;
  }

  public String imageItem(FrameSize frame) {
    return config.imageModel() + " " + config.imageQuality() + " " + Sizes.image(frame);
  }

  public long images(int count, FrameSize frame) {
    return count * PriceTable.imageMicros(config.imageModel(), config.imageQuality(),
        Sizes.image(frame));
  }

  /** Sora seconds billed for clips that need these lengths (each rounded up to 4/8/12 s). */
  public int billedSeconds(List<Double> clipSeconds) {
    int total = 0;
    for (int i = 0; i < clipSeconds.size(); i++) {
      total += Sizes.soraSeconds(clipSeconds.get(i), i);
    }
    return total;
  }

  public String videoItem(FrameSize frame) {
    return config.videoModel() + " " + Sizes.video(frame);
  }

  public long videoSeconds(int seconds, FrameSize frame) {
    return seconds * PriceTable.videoSecondMicros(config.videoModel(), Sizes.video(frame));
  }

  public String speechItem() {
    return config.speechModel() + " " + config.voice();
  }

  public long speechChars(int characters) {
    return characters * PriceTable.speechCharMicros(config.speechModel());
  }
}
