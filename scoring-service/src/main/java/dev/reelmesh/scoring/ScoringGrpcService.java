package dev.reelmesh.scoring;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.common.parallel.ParallelMap;
import dev.reelmesh.common.server.BlockingCalls;
import dev.reelmesh.scoring.batch.RequestGauge;
import dev.reelmesh.scoring.engine.ScoreValue;
import dev.reelmesh.scoring.engine.ScorerFailure;
import dev.reelmesh.scoring.engine.ScoringEngine;
import dev.reelmesh.scoring.engine.ScoringOutcome;
import dev.reelmesh.scoring.image.ImageResolver;
import dev.reelmesh.scoring.image.RgbImage;
import dev.reelmesh.scoring.model.ModelNames;
import dev.reelmesh.scoring.model.ModelRepository;
import dev.reelmesh.scoring.model.ModelStatus;
import dev.reelmesh.scoring.model.VersionState;
import dev.reelmesh.scoring.model.VersionStatus;
import dev.reelmesh.scoring.rank.RankWeights;
import dev.reelmesh.scoring.rank.RankedImage;
import dev.reelmesh.scoring.rank.Ranker;
import dev.reelmesh.scoring.rank.Ranking;
import dev.reelmesh.scoring.clipcheck.ClipChecker;
import dev.reelmesh.v1.CheckClipRequest;
import dev.reelmesh.v1.CheckClipResponse;
import dev.reelmesh.v1.GetModelMetadataRequest;
import dev.reelmesh.v1.ImageScores;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.ListModelsRequest;
import dev.reelmesh.v1.ListModelsResponse;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.LoadModelResponse;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.ModelReadyRequest;
import dev.reelmesh.v1.ModelReadyResponse;
import dev.reelmesh.v1.ModelState;
import dev.reelmesh.v1.RankVariationsRequest;
import dev.reelmesh.v1.RankVariationsResponse;
import dev.reelmesh.v1.RankedVariation;
import dev.reelmesh.v1.Score;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import dev.reelmesh.v1.ScoringServiceGrpc;
import dev.reelmesh.v1.UnloadModelRequest;
import dev.reelmesh.v1.UnloadModelResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** The gRPC edge of reelmesh.v1.ScoringService: protos in and out, records inside. */
final class ScoringGrpcService extends ScoringServiceGrpc.ScoringServiceImplBase {
  private final ScoringEngine engine;
  private final ImageResolver images;
  private final ModelRepository repository;
  private final BlockingCalls workers;
  private final RequestGauge requests;
  private final ClipChecker clips;
  private final ParallelMap parallel;

  ScoringGrpcService(ScoringEngine engine, ImageResolver images, ModelRepository repository,
      BlockingCalls workers, RequestGauge requests, ParallelMap parallel) {
    this.parallel = parallel;
    this.clips = new ClipChecker(engine, repository);
    this.requests = requests;
    this.engine = engine;
    this.images = images;
    this.repository = repository;
    this.workers = workers;
  }

  @Override
  public void scoreImages(ScoreImagesRequest request, StreamObserver<ScoreImagesResponse> out) {
    run(out, () -> {
      List<RgbImage> decoded = decode(request.getImagesList(), request.getPrompt(),
          request.getScorersList());
      ScoringOutcome outcome = engine.score(decoded, request.getPrompt(), request.getScorersList());
      ScoreImagesResponse.Builder response = ScoreImagesResponse.newBuilder()
          .addAllWarnings(outcome.warnings());
      for (int i = 0; i < outcome.scores().size(); i++) {
        response.addResults(ImageScores.newBuilder().setImageIndex(i)
            .addAllScores(outcome.scores().get(i).stream().map(ScoringGrpcService::toProto).toList())
            .setWidth(decoded.get(i).width()).setHeight(decoded.get(i).height()));
      }
      outcome.failures().forEach(f -> response.addFailures(toProto(f)));
      return response.build();
    });
  }

  @Override
  public void rankVariations(RankVariationsRequest request, StreamObserver<RankVariationsResponse> out) {
    run(out, () -> {
      // Cheap checks first, so a bad weight fails before any image is decoded.
      RankWeights.validate(request.getWeightsMap());
      double threshold = Ranker.threshold(request.getQualityThreshold());
      List<RgbImage> decoded = decode(request.getImagesList(), request.getPrompt(),
          request.getScorersList());
      ScoringOutcome outcome = engine.score(decoded, request.getPrompt(), request.getScorersList());
      Ranking ranking = Ranker.rank(outcome, request.getWeightsMap(), threshold);
      RankVariationsResponse.Builder response = RankVariationsResponse.newBuilder()
          .setBestIndex(ranking.bestIndex())
          .putAllWeightsUsed(ranking.weightsUsed())
          .addAllWarnings(ranking.warnings());
      for (RankedImage r : ranking.ranked()) {
        response.addRanked(RankedVariation.newBuilder().setImageIndex(r.imageIndex())
            .setRank(r.rank()).setOverall(r.overall()).setBelowThreshold(r.belowThreshold())
            .addAllScores(r.scores().stream().map(ScoringGrpcService::toProto).toList()));
      }
      outcome.failures().forEach(f -> response.addFailures(toProto(f)));
      return response.build();
    });
  }

  @Override
  public void listModels(ListModelsRequest request, StreamObserver<ListModelsResponse> out) {
    run(out, () -> ListModelsResponse.newBuilder()
        .setRepositoryPath(repository.root().toString())
        .addAllModels(repository.list().stream().map(ModelProtos::toProto).toList())
        .build());
  }

  @Override
  public void getModelMetadata(GetModelMetadataRequest request, StreamObserver<ModelInfo> out) {
    run(out, () -> ModelProtos.toProto(repository.status(requireName(request.getName()))));
  }

  @Override
  public void loadModel(LoadModelRequest request, StreamObserver<LoadModelResponse> out) {
    run(out, () -> LoadModelResponse.newBuilder()
        .setModel(ModelProtos.toProto(
            repository.load(requireName(request.getName()), requireVersion(request.getVersion()))))
        .build());
  }

  @Override
  public void unloadModel(UnloadModelRequest request, StreamObserver<UnloadModelResponse> out) {
    run(out, () -> UnloadModelResponse.newBuilder()
        .setModel(ModelProtos.toProto(repository.unload(
            requireName(request.getName()), requireVersion(request.getVersion()))))
        .build());
  }

  @Override
  public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> out) {
    run(out, () -> {
      ModelStatus status = repository.status(requireName(request.getName()));
      long version = requireVersion(request.getVersion());
      if (version != 0 && status.versions().stream().noneMatch(v -> v.version() == version)) {
        throw Status.NOT_FOUND.withDescription(status.name() + " has no version " + version
            + " (versions: " + status.versions().stream().map(VersionStatus::version).toList()
            + ")").asRuntimeException();
      }
      boolean ready = status.ready(version);
      ModelState state = version == 0
          ? (ready ? ModelState.MODEL_STATE_READY : status.versions().stream()
              .anyMatch(v -> v.state() == VersionState.FAILED) ? ModelState.MODEL_STATE_FAILED
              : ModelState.MODEL_STATE_UNLOADED)
          : ModelProtos.toProto(status.versions().stream().filter(v -> v.version() == version)
              .findFirst().orElseThrow().state());
      return ModelReadyResponse.newBuilder().setName(status.name()).setVersion(version)
          .setReady(ready).setState(state).setServingVersion(status.servingVersion()).build();
    });
  }

  @Override
  public void checkClip(CheckClipRequest request, StreamObserver<CheckClipResponse> out) {
    run(out, () -> ClipCheckProtos.toProto(
        clips.check(ClipCheckProtos.fromProto(request, images)), request));
  }

  /** Validates the request's images and scorers, then decodes every image. */
  private List<RgbImage> decode(List<ImageSource> sources, String prompt, List<String> scorers) {
    if (sources.isEmpty()) {
      throw Statuses.invalid("images", "no images given; send 1 to " + ScoringConfig.MAX_IMAGES);
    }
    if (sources.size() > ScoringConfig.MAX_IMAGES) {
      throw Statuses.invalid("images", sources.size() + " images given; at most "
          + ScoringConfig.MAX_IMAGES + " per call");
    }
    ScoringEngine.validateScorers(scorers, prompt);
    // Each image is read and decoded once, all of them side by side (CPU-bound, independent).
    List<Integer> indexes = IntStream.range(0, sources.size()).boxed().toList();
    return parallel.map(indexes, i -> images.resolve("images[" + i + "]", sources.get(i)));
  }

  private static String requireName(String name) {
    return ModelNames.require("name", name);
  }

  private static long requireVersion(long version) {
    if (version < 0) {
      throw Statuses.invalid("version", "must be >= 0 (0 = newest/all), got " + version);
    }
    return version;
  }

  /** On the worker pool, in the caller's context (deadline and cancellation reach the work). */
  private <T> void run(StreamObserver<T> out, Supplier<T> work) {
    workers.unary(out, () -> {
      requests.enter();
      try {
        return work.get();
      } finally {
        requests.exit();
      }
    });
  }

  private static Score toProto(ScoreValue s) {
    return Score.newBuilder().setScorer(s.scorer()).setValue(s.value()).setRaw(s.raw())
        .setModel(s.model()).setVersion(s.version()).setPreference(s.preference())
        .setDetail(s.detail()).build();
  }

  private static dev.reelmesh.v1.ScorerFailure toProto(ScorerFailure f) {
    return dev.reelmesh.v1.ScorerFailure.newBuilder().setScorer(f.scorer())
        .setReason(f.reason()).build();
  }
}
