package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.v1.PipelineServiceGrpc;
import io.grpc.BindableService;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;

/**
 * PipelineService with its Chat method served by the chat agent: the other methods are the
 * pipeline's own handlers, unchanged, so one service definition is bound as before.
 */
final class ChatBinding {
  private ChatBinding() {}

  static BindableService bind(BindableService pipeline, ChatService chat) {
    ServerServiceDefinition base = pipeline.bindService();
    ServerServiceDefinition.Builder merged =
        ServerServiceDefinition.builder(base.getServiceDescriptor());
    String chatMethod = PipelineServiceGrpc.getChatMethod().getFullMethodName();
    for (ServerMethodDefinition<?, ?> method : base.getMethods()) {
      if (!method.getMethodDescriptor().getFullMethodName().equals(chatMethod)) {
        merged.addMethod(method);
      }
    }
    merged.addMethod(PipelineServiceGrpc.getChatMethod(),
        ServerCalls.asyncBidiStreamingCall(chat::open));
    ServerServiceDefinition definition = merged.build();
    return () -> definition;
  }
}
