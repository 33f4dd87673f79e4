package dev.reelmesh.orchestrator.provider.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.StringValue;
import dev.reelmesh.orchestrator.provider.PaidOutcome;
import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.image.ImageRequest;
import dev.reelmesh.orchestrator.provider.registry.ProviderResources;
import dev.reelmesh.orchestrator.provider.remote.RemoteJobs;
import dev.reelmesh.orchestrator.provider.remote.RemotePoll;
import dev.reelmesh.v1.FrameKind;
import io.grpc.Status;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Storyboard frames from a fal image endpoint (FLUX) through the same queue, so one key covers
 * frames and clips. Each batch is held before it is submitted, its request id recorded with the
 * charge before polling (a restart re-attaches), and its files recorded once downloaded, decoded
 * and scaled to the frame (a restart then reuses them).
 */
final class FalImageProvider implements ImageProvider {
  /** The most images one FLUX request returns. */
  static final int MAX_PER_CALL = 4;
  private final FalImageEntry entry;
  private final String endpoint;
  private final FalQueue queue;
  private final ProviderResources resources;
  private final FalConfig config;

  FalImageProvider(FalImageEntry entry, String endpoint, FalQueue queue,
      ProviderResources resources, FalConfig config) {
    this.entry = entry;
    this.endpoint = endpoint;
    this.queue = queue;
    this.resources = resources;
    this.config = config;
  }

  @Override
  public String name() {
    return "fal";
  }

  @Override
  public List<Path> generate(ImageRequest request) throws IOException {
    String frame = request.frame() == FrameKind.FRAME_KIND_END ? "end" : "start";
    String item = "clip " + (request.clipIndex() + 1) + " " + frame;
    String label = "fal images (" + item + ")";
    List<Path> written = new ArrayList<>();
    while (written.size() < request.variations()) {
      int n = Math.min(MAX_PER_CALL, request.variations() - written.size());
      List<Path> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        batch.add(request.outDir().resolve(String.format("clip%d-%s-v%d.png",
            request.clipIndex(), frame, written.size() + i)));
      }
      PaidOutcome paid = PaidOutcome.of(resources.memo(), "image", batch.get(0));
      java.util.Optional<List<Path>> known = paid.files();
      written.addAll(known.isPresent() ? known.get() : buy(request, batch, paid, item, label));
    }
    return written.subList(0, request.variations());
  }

  private List<Path> buy(ImageRequest request, List<Path> batch, PaidOutcome paid, String item,
      String label) throws IOException {
    String idKey = paid.key() + "-fal-request";
    StringValue known = resources.memo().find(idKey, StringValue.parser());
    String id = known != null ? known.getValue() : RemoteJobs.submit(resources.spend(),
        entry.estimate(endpoint, batch.size(), request.size().width(), request.size().height(),
            item), idKey, label,
        () -> queue.submit(endpoint, input(request, batch.size()), label + " submit"));
    AtomicReference<List<String>> urls = new AtomicReference<>(List.of());
    RemoteJobs.awaitDone(new RemoteJobs.Protocol() {
      @Override
      public RemotePoll poll(String id, String label) {
        return FalPoll.of(queue, endpoint, id, label, result -> images(result, urls));
      }

      @Override
      public void cancel(String id, String label) {
        queue.cancel(endpoint, id, label);
      }

      @Override
      public boolean woken(String id) {
        return queue.woken(id);
      }
    }, id, label, config.timings(), () -> resources.memo().forget(idKey));
    if (urls.get().size() < batch.size()) {
      resources.memo().forget(idKey);
      throw Status.UNAVAILABLE.withDescription(label + ": asked for " + batch.size()
          + " images, got " + urls.get().size()).asRuntimeException();
    }
    for (int i = 0; i < batch.size(); i++) {
      // Result files are on fal's CDN and take no key.
      queue.http().download(label + " download", urls.get().get(i), Map.of(), batch.get(i));
      scaleInPlace(batch.get(i), request, label);
    }
    resources.memo().put(paid.key(), PaidOutcome.record(batch));
    return batch;
  }

  private ObjectNode input(ImageRequest request, int n) {
    ObjectNode input = JsonNodeFactory.instance.objectNode().put("prompt", request.prompt())
        .put("num_images", n).put("seed", request.seed()).put("output_format", "png")
        .put("enable_safety_checker", true);
    input.putObject("image_size").put("width", request.size().width())
        .put("height", request.size().height());
    return input;
  }

  /** The result's image URLs; a batch the safety checker flagged is a refusal. */
  private static RemotePoll images(JsonNode result, AtomicReference<List<String>> urls) {
    JsonNode nsfw = result.path("has_nsfw_concepts");
    for (int i = 0; i < nsfw.size(); i++) {
      if (nsfw.path(i).asBoolean(false)) {
        return new RemotePoll.Failed("fal's safety checker flagged image " + (i + 1)
            + " of the batch (has_nsfw_concepts)", true);
      }
    }
    List<String> found = new ArrayList<>();
    result.path("images").forEach(image -> found.add(image.path("url").asText("")));
    if (found.isEmpty() || found.stream().anyMatch(String::isBlank)) {
      return new RemotePoll.Failed("the result has no image URLs", false);
    }
    urls.set(List.copyOf(found));
    return new RemotePoll.Done(found.get(0));
  }

  /** Decodes the download (refusing what is not an image) and fills the frame's size. */
  private static void scaleInPlace(Path file, ImageRequest request, String label)
      throws IOException {
    BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
    if (image == null) {
      long size = Files.size(file);
      Files.deleteIfExists(file);
      throw Status.DATA_LOSS.withDescription(label + ": the delivered file (" + size
          + " bytes) is not a readable image").asRuntimeException();
    }
    int width = request.size().width();
    int height = request.size().height();
    if (image.getWidth() != width || image.getHeight() != height) {
      BufferedImage filled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = filled.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      double scale = Math.max((double) width / image.getWidth(),
          (double) height / image.getHeight());
      int w = (int) Math.ceil(image.getWidth() * scale);
      int h = (int) Math.ceil(image.getHeight() * scale);
      g.drawImage(image, (width - w) / 2, (height - h) / 2, w, h, null);
      g.dispose();
      image = filled;
    }
    javax.imageio.ImageIO.write(image, "png", file.toFile());
  }
}
