package dev.reelmesh.orchestrator.studio;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;

/**
 * The studio's HTTP edge over PipelineService stubs: bodies are the protos' JSON mapping, and a
 * gRPC status becomes the HTTP status a browser understands, with the service's own message.
 */
final class GrpcHttp {
  static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace()
      .alwaysPrintFieldsWithNoPresence();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  private GrpcHttp() {}

  /** Fills {@code builder} from the request body; a body that is not the message's JSON is 400. */
  static <B extends Message.Builder> B parse(RoutingContext ctx, B builder) {
    String body = ctx.body().asString();
    try {
      PARSER.merge(body == null || body.isBlank() ? "{}" : body, builder);
      return builder;
    } catch (InvalidProtocolBufferException e) {
      throw Status.INVALID_ARGUMENT.withDescription("the body is not a "
          + builder.getDescriptorForType().getName() + " in JSON: " + e.getMessage())
          .asRuntimeException();
    }
  }

  /**
   * Answers with the call's result as JSON once it completes. The stub's callback runs on a
   * gRPC thread; the answer is written back on the request's event-loop context.
   */
  static <T extends MessageOrBuilder> void reply(RoutingContext ctx, ListenableFuture<T> call) {
    reply(ctx, call, result -> { });
  }

  /** As above; {@code before} sees the result on the event loop before the answer is sent. */
  static <T extends MessageOrBuilder> void reply(RoutingContext ctx, ListenableFuture<T> call,
      java.util.function.Consumer<T> before) {
    Context context = ctx.vertx().getOrCreateContext();
    Futures.addCallback(call, new FutureCallback<T>() {
      @Override
      public void onSuccess(T result) {
        context.runOnContext(v -> {
          before.accept(result);
          json(ctx, 200, print(result));
        });
      }

      @Override
      public void onFailure(Throwable t) {
        context.runOnContext(v -> fail(ctx, t));
      }
    }, MoreExecutors.directExecutor());
  }

  static String print(MessageOrBuilder message) {
    try {
      return JSON.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName(), e);
    }
  }

  static void fail(RoutingContext ctx, Throwable t) {
    Status status = Status.fromThrowable(t);
    String message = status.getDescription() != null ? status.getDescription()
        : status.getCode().toString();
    io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject()
        .put("code", status.getCode().name()).put("message", message);
    json(ctx, httpStatus(status.getCode()), body.encode());
  }

  static void json(RoutingContext ctx, int code, String body) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(code).putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store").end(body);
    }
  }

  static int httpStatus(Status.Code code) {
    return switch (code) {
      case OK -> 200;
      case INVALID_ARGUMENT -> 400;
      case UNAUTHENTICATED -> 401;
      case RESOURCE_EXHAUSTED -> 402;
      case PERMISSION_DENIED -> 403;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED, FAILED_PRECONDITION -> 409;
      case OUT_OF_RANGE -> 416;
      case CANCELLED -> 499;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
      case DEADLINE_EXCEEDED -> 504;
      default -> 500;
    };
  }
}
