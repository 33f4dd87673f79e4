package dev.reelmesh.orchestrator.studio;

import dev.reelmesh.v1.ApprovePlanRequest;
import dev.reelmesh.v1.CancelJobRequest;
import dev.reelmesh.v1.EstimateCostRequest;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.RegenerateClipsRequest;
import dev.reelmesh.v1.SubmitJobRequest;
import io.grpc.Channel;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * /api/…: one route per PipelineService call, each a stub call on the channel the studio was
 * given (in-process in {@code reelmesh up}) with the browser's token ({@link BrowserToken}), so
 * the browser takes the gRPC callers' code path, tenant rules included.
 */
final class StudioApi {
  private final PipelineServiceGrpc.PipelineServiceFutureStub stub;

  StudioApi(Channel channel) {
    this.stub = PipelineServiceGrpc.newFutureStub(channel);
  }

  /** The pipeline as the browser that made {@code ctx}: its token on every call. */
  private PipelineServiceGrpc.PipelineServiceFutureStub as(RoutingContext ctx) {
    return BrowserToken.on(stub, ctx);
  }

  void mount(Router router) {
    router.get("/api/jobs").handler(ctx -> GrpcHttp.reply(ctx, as(ctx).listJobs(
        ListJobsRequest.newBuilder().setPageSize(pageSize(ctx))
            .setPageToken(query(ctx, "page")).setBriefContains(query(ctx, "q")).build())));
    router.post("/api/jobs").handler(ctx -> GrpcHttp.reply(ctx, as(ctx).submitJob(
        GrpcHttp.parse(ctx, SubmitJobRequest.newBuilder()).build())));
    router.get("/api/jobs/:id").handler(ctx -> GrpcHttp.reply(ctx, as(ctx).getJob(
        GetJobRequest.newBuilder().setJobId(id(ctx)).build())));
    router.post("/api/jobs/:id/approve").handler(ctx -> GrpcHttp.reply(ctx, as(ctx).approvePlan(
        GrpcHttp.parse(ctx, ApprovePlanRequest.newBuilder()).setJobId(id(ctx)).build())));
    router.post("/api/jobs/:id/regenerate").handler(ctx -> GrpcHttp.reply(ctx,
        as(ctx).regenerateClips(GrpcHttp.parse(ctx, RegenerateClipsRequest.newBuilder())
            .setJobId(id(ctx)).build())));
    router.post("/api/jobs/:id/cancel").handler(ctx -> GrpcHttp.reply(ctx, as(ctx).cancelJob(
        GrpcHttp.parse(ctx, CancelJobRequest.newBuilder()).setJobId(id(ctx)).build())));
    router.post("/api/estimate").handler(ctx -> GrpcHttp.reply(ctx, as(ctx).estimateCost(
        GrpcHttp.parse(ctx, EstimateCostRequest.newBuilder()).build())));
    router.get("/api/budget").handler(ctx -> GrpcHttp.reply(ctx, as(ctx).getBudget(
        GetBudgetRequest.getDefaultInstance())));
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }

  private static String query(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    return value == null ? "" : value;
  }

  /** A page size the service then checks (1–500); a non-number is the service's 0 = 50. */
  private static int pageSize(RoutingContext ctx) {
    try {
      return Integer.parseInt(query(ctx, "size"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
