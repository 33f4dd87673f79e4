package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.auth.Role;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The chat agent's way to the pipeline: a private in-process server of the PipelineService on
 * which every call runs as the chat's caller (their tenant, their roles), not as the JVM's
 * trusted LOCAL principal. The caller travels in a header only this class sets and only this
 * server reads; like every in-process server, only code in this JVM reaches it.
 */
final class CallerChannel implements AutoCloseable {
  private static final Metadata.Key<String> CALLER =
      Metadata.Key.of("reelmesh-chat-caller", Metadata.ASCII_STRING_MARSHALLER);
  private final Server server;
  private final ManagedChannel channel;

  private CallerChannel(Server server, ManagedChannel channel) {
    this.server = server;
    this.channel = channel;
  }

  static CallerChannel serve(BindableService pipeline) {
    String name = "reelmesh-chat-tools-" + UUID.randomUUID();
    try {
      Server server = InProcessServerBuilder.forName(name)
          .addService(ServerInterceptors.intercept(pipeline, new AsCaller())).build().start();
      return new CallerChannel(server, InProcessChannelBuilder.forName(name).build());
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the chat agent's pipeline channel", e);
    }
  }

  /** A channel whose calls run as {@code caller}. */
  Channel as(Principal caller) {
    // The subject may be any text; base64 keeps the header ASCII and the separators unambiguous.
    String value = java.util.Base64.getUrlEncoder().encodeToString(caller.subject().getBytes(
        java.nio.charset.StandardCharsets.UTF_8)) + "|" + caller.tenant() + "|" + caller.roles().stream()
        .map(Role::claim).sorted().collect(Collectors.joining(","));
    return ClientInterceptors.intercept(channel, new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method,
          CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method,
            options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            headers.put(CALLER, value);
            super.start(listener, headers);
          }
        };
      }
    });
  }

  /** Puts the caller of the header into the call's Context, as the auth interceptor would. */
  private static final class AsCaller implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      String value = headers.get(CALLER);
      if (value == null) {
        call.close(Status.UNAUTHENTICATED.withDescription("reelmesh-chat-caller: missing"),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
      String[] parts = value.split("\\|", 3);
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String claim : parts[2].split(",")) {
        Role.fromClaim(claim).ifPresent(roles::add);
      }
      Principal caller = new Principal(new String(java.util.Base64.getUrlDecoder()
          .decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8), parts[1], roles);
      return Contexts.interceptCall(Context.current().withValue(Principal.KEY, caller), call,
          headers, next);
    }
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
