package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.common.error.Unimplemented;
import dev.reelmesh.v1.ApprovePlanRequest;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CancelJobRequest;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.EstimateCostResponse;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.ListJobsResponse;
import dev.reelmesh.v1.RegenerateClipsRequest;
import dev.reelmesh.v1.RegenerateClipsResponse;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.SubmitJobResponse;
import dev.reelmesh.v1.WatchJobRequest;
import dev.reelmesh.v1.PipelineServiceGrpc;
import io.grpc.stub.StreamObserver;

/** The gRPC edge of reelmesh.v1.PipelineService. */
final class PipelineGrpcService extends PipelineServiceGrpc.PipelineServiceImplBase {
  private static final String MISSING = "the job engine arrives with the orchestrator issue (#6)";

  @Override
  public void submitJob(SubmitJobRequest request, StreamObserver<SubmitJobResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("SubmitJob", MISSING));
  }

  @Override
  public void watchJob(WatchJobRequest request, StreamObserver<JobEvent> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("WatchJob", MISSING));
  }

  @Override
  public void getJob(GetJobRequest request, StreamObserver<Job> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("GetJob", MISSING));
  }

  @Override
  public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("ListJobs", MISSING));
  }

  @Override
  public void cancelJob(CancelJobRequest request, StreamObserver<Job> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("CancelJob", MISSING));
  }

  @Override
  public void approvePlan(ApprovePlanRequest request, StreamObserver<Job> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("ApprovePlan", MISSING));
  }

  @Override
  public void regenerateClips(RegenerateClipsRequest request, StreamObserver<RegenerateClipsResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("RegenerateClips", MISSING));
  }

  @Override
  public void estimateCost(EstimateCostRequest request, StreamObserver<EstimateCostResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("EstimateCost", MISSING));
  }

  @Override
  public void getBudget(GetBudgetRequest request, StreamObserver<Budget> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("GetBudget", MISSING));
  }
}
