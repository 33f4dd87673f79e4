package dev.reelmesh.scoring.clipcheck;

import dev.reelmesh.scoring.clip.Embeddings;
import dev.reelmesh.scoring.clip.ImageEmbedder;
import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.ScorerNames;
import dev.reelmesh.scoring.engine.ScoringEngine;
import dev.reelmesh.scoring.engine.ScoringInput;
import dev.reelmesh.scoring.engine.ScoringOutcome;
import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.model.ModelKind;
import dev.reelmesh.scoring.model.ModelLease;
import dev.reelmesh.scoring.model.ModelRepository;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a rendered clip: each frame against the prompt (siglip when it serves, else clip) and
 * against the storyboard frame (cosine of image embeddings from the first serving image model,
 * else {@link ThumbnailSimilarity}). A frame's match is the mean of the checks that ran; the clip
 * is flagged when any frame's match is below the threshold. A check with no model is a warning,
 * and a built-in stand-in sets {@code builtinFallback}: nothing degrades silently.
 */
public final class ClipChecker {
  public static final double DEFAULT_THRESHOLD = 25;
  private static final List<ModelKind> IMAGE_MODELS = List.of(ModelKind.SIGLIP_VISION,
      ModelKind.SIGLIP, ModelKind.CLIP_VISION, ModelKind.CLIP);

  private final ScoringEngine engine;
  private final ModelRepository repository;

  public ClipChecker(ScoringEngine engine, ModelRepository repository) {
    this.engine = engine;
    this.repository = repository;
  }

  public ClipCheck check(ClipCheckRequest request) {
    List<RgbImage> images = request.frames().stream().map(ClipCheckRequest.Frame::image).toList();
    // One input for both checks: the frames' embeddings are computed once per model.
    ScoringInput input = ScoringInput.of(images,
        request.prompt().isBlank() ? "a photo" : request.prompt());
    List<String> warnings = new ArrayList<>();
    boolean[] fallback = {false};
    double[] prompt = new double[images.size()];
    String[] promptScorer = new String[images.size()];
    java.util.Arrays.fill(prompt, -1);
    java.util.Arrays.fill(promptScorer, "");
    if (!request.prompt().isBlank()) {
      promptMatch(input, prompt, promptScorer, warnings);
    }
    double[] similarity = new double[images.size()];
    java.util.Arrays.fill(similarity, -1);
    String method = "";
    if (request.storyboard() != null) {
      method = storyboardSimilarity(input, request.storyboard(), similarity, warnings, fallback);
    }
    List<ClipCheck.FrameResult> frames = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < images.size(); i++) {
      double sum = 0;
      int n = 0;
      for (double v : new double[] {prompt[i], similarity[i]}) {
        if (v >= 0) {
          sum += v;
          n++;
        }
      }
      // No check could run at all (no prompt scorer, no storyboard): nothing to judge by.
      double match = n == 0 ? -1 : sum / n;
      boolean below = match >= 0 && match < request.threshold();
      String position = request.frames().get(i).position();
      frames.add(new ClipCheck.FrameResult(i, position, prompt[i], promptScorer[i], similarity[i],
          similarity[i] >= 0 ? method : "", match, below));
      if (below) {
        reasons.add(String.format(Locale.ROOT, "%s frame %d: match %.1f < %.1f (%s)", position, i,
            match, request.threshold(), parts(prompt[i], promptScorer[i], similarity[i], method)));
      }
      if (match >= 0) {
        lowest = Math.min(lowest, match);
      }
    }
    if (lowest == Double.POSITIVE_INFINITY) {
      throw new StatusRuntimeException(io.grpc.Status.FAILED_PRECONDITION.withDescription(
          "nothing could check the clip: " + String.join("; ", warnings)));
    }
    return new ClipCheck(!reasons.isEmpty(), lowest, request.threshold(), List.copyOf(frames),
        List.copyOf(reasons), List.copyOf(warnings), fallback[0]);
  }

  private void promptMatch(ScoringInput input, double[] out, String[] scorer,
      List<String> warnings) {
    List<RgbImage> images = input.images();
    String chosen = null;
    List<String> why = new ArrayList<>();
    for (String name : List.of(ScorerNames.SIGLIP, ScorerNames.CLIP)) {
      String reason = engine.unavailableReason(name);
      if (reason == null) {
        chosen = name;
        break;
      }
      why.add(reason);
    }
    if (chosen == null) {
      warnings.add("prompt not checked: " + String.join("; ", why));
      return;
    }
    ScoringOutcome outcome = engine.score(input, List.of(chosen));
    for (int i = 0; i < images.size(); i++) {
      ScoreValue v = outcome.scores().get(i).get(0);
      out[i] = v.value();
      scorer[i] = chosen + ": " + v.model();
    }
  }

  private String storyboardSimilarity(ScoringInput input, RgbImage storyboard, double[] out,
      List<String> warnings, boolean[] fallback) {
    List<RgbImage> images = input.images();
    Optional<ModelLease> lease = Optional.empty();
    for (ModelKind kind : IMAGE_MODELS) {
      lease = lease.or(() -> repository.lease(kind));
    }
    if (lease.isEmpty()) {
      warnings.add("storyboard similarity by " + ThumbnailSimilarity.NAME + " (colour layout"
          + " only): no siglip-vision, siglip, clip-vision or clip model serves in "
          + repository.root());
      fallback[0] = true;
      for (int i = 0; i < images.size(); i++) {
        out[i] = ThumbnailSimilarity.similarity(images.get(i), storyboard);
      }
      return ThumbnailSimilarity.NAME;
    }
    try (ModelLease l = lease.get()) {
      float[][] e = ImageEmbedder.embed(l.model(), input);
      float[] board = ImageEmbedder.embed(l.model(),
          ScoringInput.of(List.of(storyboard), input.prompt()))[0];
      for (int i = 0; i < images.size(); i++) {
        out[i] = 100 * Math.max(0, Embeddings.cosine(e[i], board));
      }
      return "embedding cosine: " + l.model().label();
    }
  }

  private static String parts(double prompt, String scorer, double similarity, String method) {
    List<String> parts = new ArrayList<>();
    if (prompt >= 0) {
      parts.add(String.format(Locale.ROOT, "prompt %.1f by %s", prompt, scorer));
    }
    if (similarity >= 0) {
      parts.add(String.format(Locale.ROOT, "storyboard %.1f by %s", similarity, method));
    }
    return String.join(", ", parts);
  }
}
