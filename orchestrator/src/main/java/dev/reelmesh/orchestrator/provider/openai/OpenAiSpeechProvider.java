package dev.reelmesh.orchestrator.provider.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.audio.speech.SpeechCreateParams;
import dev.reelmesh.orchestrator.provider.PaidOutcome;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.store.StepMemo;
import dev.reelmesh.orchestrator.provider.speech.SpeechProvider;
import dev.reelmesh.v1.CostLine;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Narration through OpenAI speech (model and voice configurable), answered as WAV. */
public final class OpenAiSpeechProvider implements SpeechProvider {
  private final OpenAIClient client;
  private final OpenAiConfig config;
  private final OpenAiCalls calls;
  private final Spend spend;
  private final StepMemo memo;

  OpenAiSpeechProvider(OpenAIClient client, OpenAiConfig config, OpenAiCalls calls, Spend spend,
      StepMemo memo) {
    this.memo = memo;
    this.client = client;
    this.config = config;
    this.calls = calls;
    this.spend = spend;
  }

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.empty();
  }

  @Override
  public void speak(String text, Path wav) throws IOException {
    Files.createDirectories(wav.getParent());
    long price = PriceTable.speechCharMicros(config.speechModel());
    CostLine estimate = CostLine.newBuilder().setStage("audio").setProvider("openai")
        .setItem(config.speechModel() + " " + config.voice()).setQuantity(text.length())
        .setUnit("characters").setEstimatedMicros(price * text.length()).build();
    SpeechCreateParams params = SpeechCreateParams.builder().model(config.speechModel())
        .voice(config.voice()).input(text)
        .responseFormat(SpeechCreateParams.ResponseFormat.WAV).build();
    PaidOutcome paid = PaidOutcome.of(memo, "speech", wav);
    if (paid.files().isPresent()) {
      return; // paid and recorded by an earlier run
    }
    Path tmp = wav.resolveSibling(wav.getFileName() + ".part");
    OpenAiCalls.Held<Path> answered = calls.paid("openai speech", spend, estimate, () -> {
      // The body is read inside the retried call: a connection lost mid-download retries too.
      try (HttpResponse response = client.audio().speech().create(params);
          InputStream body = response.body()) {
        Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
        return tmp;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try (Spend.Hold hold = answered.hold()) {
      CostLine line = estimate.toBuilder().setActualMicros(estimate.getEstimatedMicros()).build();
      if (!isWav(tmp)) {
        long size = Files.size(tmp);
        Files.deleteIfExists(tmp);
        hold.settle(line); // answered, so paid, though unusable
        throw Status.INTERNAL.withDescription("openai speech: the answer is not a WAV file ("
            + size + " bytes, no RIFF/WAVE header)").asRuntimeException();
      }
      Files.move(tmp, wav, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      // The charge and the file's record commit together: a re-run reuses the file.
      hold.settle(line, paid.key(), PaidOutcome.record(java.util.List.of(wav)));
    }
  }

  private static boolean isWav(Path file) throws IOException {
    byte[] head = new byte[12];
    try (InputStream in = Files.newInputStream(file)) {
      int read = in.readNBytes(head, 0, 12);
      return read == 12 && new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)
          .equals("RIFF") && new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)
          .equals("WAVE");
    }
  }
}
