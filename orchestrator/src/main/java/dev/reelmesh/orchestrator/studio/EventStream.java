package dev.reelmesh.orchestrator.studio;

import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.WatchJobRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /api/jobs/:id/events: WatchJob as server-sent events. Each event's id is its sequence, so
 * a browser that reconnects sends Last-Event-ID and the stream resumes right after it (or pass
 * {@code ?after=N}). Flow control end to end: one more event is asked of gRPC only when the
 * HTTP connection has taken the last one, so a slow browser holds nothing but its cursor.
 */
final class EventStream {
  private static final int WINDOW = 16;
  private final PipelineServiceGrpc.PipelineServiceStub pipeline;

  EventStream(Channel channel) {
    this.pipeline = PipelineServiceGrpc.newStub(channel);
  }

  void handle(RoutingContext ctx) {
    long after;
    try {
      after = after(ctx);
    } catch (NumberFormatException e) {
      GrpcHttp.fail(ctx, Status.INVALID_ARGUMENT.withDescription(
          "Last-Event-ID / after must be a sequence number, got " + e.getMessage())
          .asRuntimeException());
      return;
    }
    HttpServerResponse response = ctx.response();
    Context context = ctx.vertx().getOrCreateContext();
    PipelineServiceGrpc.PipelineServiceStub pipeline;
    try {
      pipeline = BrowserToken.on(this.pipeline, ctx);
    } catch (RuntimeException e) {
      GrpcHttp.fail(ctx, e);
      return;
    }
    pipeline.watchJob(WatchJobRequest.newBuilder().setJobId(ctx.pathParam("id"))
        .setAfterSequence(after).build(), new ClientResponseObserver<WatchJobRequest, JobEvent>() {
          private ClientCallStreamObserver<WatchJobRequest> call;
          private boolean started;

          @Override
          public void beforeStart(ClientCallStreamObserver<WatchJobRequest> requestStream) {
            call = requestStream;
            requestStream.disableAutoRequestWithInitial(WINDOW);
            response.closeHandler(v -> call.cancel("the browser went away", null));
          }

          @Override
          public void onNext(JobEvent event) {
            context.runOnContext(v -> {
              start();
              response.write("id: " + event.getSequence() + "\nevent: job\ndata: "
                  + GrpcHttp.print(event) + "\n\n");
              if (response.writeQueueFull()) {
                response.drainHandler(d -> call.request(1));
              } else {
                call.request(1);
              }
            });
          }

          @Override
          public void onError(Throwable t) {
            context.runOnContext(v -> {
              if (!started) {
                GrpcHttp.fail(ctx, t); // nothing sent yet: a plain HTTP error, no reconnects
                return;
              }
              Status status = Status.fromThrowable(t);
              if (status.getCode() != Status.Code.CANCELLED && !response.ended()) {
                response.end("event: failure\ndata: " + new JsonObject()
                    .put("code", status.getCode().name())
                    .put("message", String.valueOf(status.getDescription())).encode() + "\n\n");
              }
            });
          }

          @Override
          public void onCompleted() {
            context.runOnContext(v -> {
              start();
              // The job ended: "end" tells the page to close rather than reconnect.
              response.end("event: end\ndata: {}\n\n");
            });
          }

          private void start() {
            if (!started) {
              started = true;
              response.setChunked(true).putHeader("Content-Type", "text/event-stream")
                  .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no")
                  .write("retry: 2000\n\n");
            }
          }
        });
  }

  private static long after(RoutingContext ctx) {
    String header = ctx.request().getHeader("Last-Event-ID");
    String query = ctx.request().getParam("after");
    String value = header != null && !header.isBlank() ? header : query;
    return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
  }
}
