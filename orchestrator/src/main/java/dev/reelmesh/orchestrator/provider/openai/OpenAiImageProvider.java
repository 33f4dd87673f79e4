package dev.reelmesh.orchestrator.provider.openai;

import com.openai.client.OpenAIClient;
import com.openai.models.images.Image;
import com.openai.models.images.ImageEditParams;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import dev.reelmesh.orchestrator.provider.PaidOutcome;
import dev.reelmesh.orchestrator.provider.Spend;
import dev.reelmesh.orchestrator.store.StepMemo;
import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageRequest;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.FrameKind;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Storyboard frames from OpenAI images (gpt-image-1 by default). With anchors (the user's
 * reference, the previous frame of the chain) the edit endpoint takes them as reference images,
 * so the chain stays consistent; without, the generate endpoint. Every batch is priced and held
 * against the budget before it is sent, and settled with what came back.
 */
public final class OpenAiImageProvider implements ImageProvider {
  /** The most images one request may ask for. */
  static final int MAX_PER_CALL = 10;
  private final OpenAIClient client;
  private final OpenAiConfig config;
  private final OpenAiCalls calls;
  private final Spend spend;

  private final StepMemo memo;

  OpenAiImageProvider(OpenAIClient client, OpenAiConfig config, OpenAiCalls calls, Spend spend,
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
  public List<Path> generate(ImageRequest request) throws IOException {
    String size = Sizes.image(request.size());
    long each = PriceTable.imageMicros(config.imageModel(), config.imageQuality(), size);
    List<Path> anchors = request.anchors().stream().filter(Files::isRegularFile).toList();
    String label = "clip " + (request.clipIndex() + 1) + " "
        + (request.frame() == FrameKind.FRAME_KIND_END ? "end" : "start");
    List<Path> written = new ArrayList<>();
    while (written.size() < request.variations()) {
      int n = Math.min(MAX_PER_CALL, request.variations() - written.size());
      // Each batch is recorded as it arrives (with its charge): a restart never buys it again.
      PaidOutcome paid = PaidOutcome.of(memo, "image", request.outDir().resolve(String.format(
          "clip%d-%s-v%d.png", request.clipIndex(), request.frame() == FrameKind.FRAME_KIND_END
              ? "end" : "start", written.size())));
      java.util.Optional<List<Path>> known = paid.files();
      if (known.isPresent()) {
        written.addAll(known.get());
        continue;
      }
      CostLine estimate = CostLine.newBuilder().setStage("storyboard").setProvider("openai")
          .setItem(config.imageModel() + " " + config.imageQuality() + " " + size)
          .setQuantity(n).setUnit("images").setEstimatedMicros(each * n).build();
      // Built (references read) before anything is held or sent: a reference that cannot be
      // read is this machine's failure, not a call OpenAI may have billed.
      List<byte[]> references = read(anchors, label);
      // The params are built per attempt: their upload streams are used up by a send.
      OpenAiCalls.Held<ImagesResponse> answered = calls.paid("openai images (" + label + ")",
          spend, estimate, () -> anchors.isEmpty()
              ? client.images().generate(generateParams(request, n, size))
              : client.images().edit(editParams(request, anchors, references, n, size)));
      try (Spend.Hold hold = answered.hold()) {
        ImagesResponse response = answered.value();
        List<Image> images = response.data().orElse(List.of());
        CostLine line = estimate.toBuilder().setQuantity(images.size())
            .setActualMicros(each * images.size()).build();
        if (images.isEmpty()) {
          hold.settle(line);
          throw Status.UNAVAILABLE.withDescription("openai images (" + label
              + "): the response carried no images").asRuntimeException();
        }
        List<Path> batch = new ArrayList<>();
        try {
          for (Image image : images) {
            batch.add(write(request, image, written.size() + batch.size(), label));
          }
        } catch (IOException | RuntimeException e) {
          hold.settle(line); // paid for, though unusable
          throw e;
        }
        hold.settle(line, paid.key(), PaidOutcome.record(batch));
        written.addAll(batch);
      }
    }
    return written.subList(0, request.variations());
  }

  private Path write(ImageRequest request, Image image, int variation, String label)
      throws IOException {
    String b64 = image.b64Json().orElseThrow(() -> Status.INTERNAL.withDescription(
        "openai images (" + label + "): no b64_json in the response").asRuntimeException());
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw Status.INTERNAL.withDescription("openai images (" + label
          + "): b64_json is not base64").asRuntimeException();
    }
    Path file = request.outDir().resolve(String.format("clip%d-%s-v%d.png", request.clipIndex(),
        request.frame() == FrameKind.FRAME_KIND_END ? "end" : "start", variation));
    return Pictures.writePng(Pictures.fill(Pictures.decode(bytes, "openai images (" + label + ")"),
        request.size().width(), request.size().height()), file);
  }

  private ImageGenerateParams generateParams(ImageRequest request, int n, String size) {
    ImageGenerateParams.Builder params = ImageGenerateParams.builder()
        .model(config.imageModel()).prompt(request.prompt()).n(n).size(size)
        .quality(ImageGenerateParams.Quality.of(config.imageQuality()));
    // gpt-image models always answer base64 and refuse response_format; DALL·E needs it asked.
    if (config.imageModel().startsWith("gpt-image")) {
      params.outputFormat(ImageGenerateParams.OutputFormat.PNG);
    } else {
      params.responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON);
    }
    return params.build();
  }

  /** Built per attempt: the reference streams are read once by each request. */
  /** Several anchors' bytes, read once (one anchor is uploaded from its path). */
  private static List<byte[]> read(List<Path> anchors, String label) {
    List<byte[]> bytes = new ArrayList<>();
    if (anchors.size() < 2) {
      return bytes;
    }
    for (Path anchor : anchors) {
      try {
        bytes.add(Files.readAllBytes(anchor));
      } catch (IOException e) {
        throw Status.INTERNAL.withDescription("openai images (" + label + "): cannot read "
            + "reference " + anchor.getFileName() + ": " + e.getMessage()).withCause(e)
            .asRuntimeException();
      }
    }
    return bytes;
  }

  private ImageEditParams editParams(ImageRequest request, List<Path> anchors,
      List<byte[]> references, int n, String size) {
    ImageEditParams.Builder params = ImageEditParams.builder()
        .model(config.imageModel()).prompt(request.prompt()).n(n).size(size)
        .quality(ImageEditParams.Quality.of(config.imageQuality()));
    if (anchors.size() == 1) {
      params.image(anchors.get(0)); // a path carries its file name and type in the upload
    } else {
      // In memory, so nothing is left open when an attempt fails (frames are small PNGs).
      List<InputStream> streams = new ArrayList<>();
      for (byte[] reference : references) {
        streams.add(new ByteArrayInputStream(reference));
      }
      params.image(ImageEditParams.Image.ofInputStreams(streams));
    }
    if (config.imageModel().startsWith("gpt-image")) {
      params.outputFormat(ImageEditParams.OutputFormat.PNG);
    } else {
      params.responseFormat(ImageEditParams.ResponseFormat.B64_JSON);
    }
    return params.build();
  }
}
