package dev.reelmesh.llm;

import dev.reelmesh.common.error.Unimplemented;
import dev.reelmesh.v1.AssembleShotPromptRequest;
import dev.reelmesh.v1.AssembleShotPromptResponse;
import dev.reelmesh.v1.DraftRepositoryBriefRequest;
import dev.reelmesh.v1.DraftRepositoryBriefResponse;
import dev.reelmesh.v1.EnhancePromptRequest;
import dev.reelmesh.v1.EnhancePromptResponse;
import dev.reelmesh.v1.GenerateClipPromptsRequest;
import dev.reelmesh.v1.GenerateClipPromptsResponse;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import dev.reelmesh.v1.RefineScriptRequest;
import dev.reelmesh.v1.RefineScriptResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import io.grpc.stub.StreamObserver;

/** The gRPC edge of reelmesh.v1.LlmService. Every RPC names what is still missing. */
final class LlmGrpcService extends LlmServiceGrpc.LlmServiceImplBase {
  @Override
  public void planScript(PlanScriptRequest request, StreamObserver<PlanScriptResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("PlanScript", "script planning arrives with the llm-service issue (#3)"));
  }

  @Override
  public void refineScript(RefineScriptRequest request, StreamObserver<RefineScriptResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("RefineScript", "plan refinement arrives with the llm-service issue (#3)"));
  }

  @Override
  public void enhancePrompt(EnhancePromptRequest request, StreamObserver<EnhancePromptResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("EnhancePrompt", "the writer/critic prompt loop arrives with the llm-service issue (#3)"));
  }

  @Override
  public void generateClipPrompts(GenerateClipPromptsRequest request, StreamObserver<GenerateClipPromptsResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("GenerateClipPrompts", "the clip prompt generator arrives with the llm-service issue (#3)"));
  }

  @Override
  public void assembleShotPrompt(AssembleShotPromptRequest request, StreamObserver<AssembleShotPromptResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("AssembleShotPrompt", "the shot prompt assembler arrives with the llm-service issue (#3)"));
  }

  @Override
  public void draftRepositoryBrief(DraftRepositoryBriefRequest request, StreamObserver<DraftRepositoryBriefResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("DraftRepositoryBrief", "repository briefs arrives with the llm-service issue (#3)"));
  }
}
