package dev.reelmesh.orchestrator.studio;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.reelmesh.v1.ChatClientMessage;
import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.PipelineServiceGrpc;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /api/chat upgraded to a WebSocket: one PipelineService.Chat call per socket. Each text
 * frame from the browser is a ChatClientMessage in the proto's JSON mapping, each frame back a
 * ChatServerMessage; when the call ends with an error, a last frame {"error": {code, message}}
 * says why before the socket closes. A reconnecting page sends a resume with its last sequence.
 */
final class ChatSocket {
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();
  private final PipelineServiceGrpc.PipelineServiceStub pipeline;

  ChatSocket(Channel channel) {
    this.pipeline = PipelineServiceGrpc.newStub(channel);
  }

  void handle(RoutingContext ctx) {
    Context context = ctx.vertx().getOrCreateContext();
    // The browser's token (its cookie: a page's WebSocket sends no Authorization header), so
    // the chat is its caller's, with its tenant, as every other route's call is.
    PipelineServiceGrpc.PipelineServiceStub asBrowser;
    try {
      asBrowser = BrowserToken.on(pipeline, ctx);
    } catch (RuntimeException e) {
      GrpcHttp.fail(ctx, e);
      return;
    }
    ctx.request().toWebSocket().onSuccess(socket -> bridge(asBrowser, socket, context))
        .onFailure(ctx::fail);
  }

  private void bridge(PipelineServiceGrpc.PipelineServiceStub pipeline, ServerWebSocket socket,
      Context context) {
    var call = new ClientResponseObserver<ChatClientMessage, ChatServerMessage>() {
      private ClientCallStreamObserver<ChatClientMessage> requests;

      @Override
      public void beforeStart(ClientCallStreamObserver<ChatClientMessage> requestStream) {
        requests = requestStream;
      }

      @Override
      public void onNext(ChatServerMessage message) {
        context.runOnContext(v -> socket.writeTextMessage(GrpcHttp.print(message)));
      }

      @Override
      public void onError(Throwable t) {
        Status status = Status.fromThrowable(t);
        context.runOnContext(v -> {
          if (!socket.isClosed()) {
            socket.writeTextMessage(new JsonObject().put("error", new JsonObject()
                .put("code", status.getCode().name())
                .put("message", String.valueOf(status.getDescription()))).encode());
            socket.close();
          }
        });
      }

      @Override
      public void onCompleted() {
        context.runOnContext(v -> socket.close());
      }
    };
    pipeline.chat(call);
    socket.textMessageHandler(text -> {
      ChatClientMessage.Builder message = ChatClientMessage.newBuilder();
      try {
        PARSER.merge(text, message);
      } catch (InvalidProtocolBufferException e) {
        call.requests.cancel("the browser sent a frame that is not a ChatClientMessage", null);
        call.onError(Status.INVALID_ARGUMENT.withDescription("the frame is not a "
            + "ChatClientMessage in JSON: " + e.getMessage()).asRuntimeException());
        return;
      }
      call.requests.onNext(message.build());
    });
    // The page went away: the call ends; the session's agent finishes its turn regardless.
    socket.closeHandler(v -> call.requests.cancel("the browser closed the chat", null));
  }
}
