package dev.reelmesh.scoring;

import dev.reelmesh.common.error.Unimplemented;
import dev.reelmesh.v1.GetModelMetadataRequest;
import dev.reelmesh.v1.ListModelsRequest;
import dev.reelmesh.v1.ListModelsResponse;
import dev.reelmesh.v1.LoadModelRequest;
import dev.reelmesh.v1.LoadModelResponse;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.RankVariationsRequest;
import dev.reelmesh.v1.RankVariationsResponse;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import dev.reelmesh.v1.UnloadModelRequest;
import dev.reelmesh.v1.UnloadModelResponse;
import dev.reelmesh.v1.ScoringServiceGrpc;
import io.grpc.stub.StreamObserver;

/** The gRPC edge of reelmesh.v1.ScoringService. Every RPC names what is still missing. */
final class ScoringGrpcService extends ScoringServiceGrpc.ScoringServiceImplBase {
  @Override
  public void scoreImages(ScoreImagesRequest request, StreamObserver<ScoreImagesResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("ScoreImages", "image scoring arrives with the scoring-service issue (#4)"));
  }

  @Override
  public void rankVariations(RankVariationsRequest request, StreamObserver<RankVariationsResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("RankVariations", "variation ranking arrives with the scoring-service issue (#4)"));
  }

  @Override
  public void listModels(ListModelsRequest request, StreamObserver<ListModelsResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("ListModels", "the model repository arrives with the scoring-service issue (#4)"));
  }

  @Override
  public void getModelMetadata(GetModelMetadataRequest request, StreamObserver<ModelInfo> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("GetModelMetadata", "the model repository arrives with the scoring-service issue (#4)"));
  }

  @Override
  public void loadModel(LoadModelRequest request, StreamObserver<LoadModelResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("LoadModel", "model loading arrives with the scoring-service issue (#4)"));
  }

  @Override
  public void unloadModel(UnloadModelRequest request, StreamObserver<UnloadModelResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("UnloadModel", "model unloading arrives with the scoring-service issue (#4)"));
  }
}
