package dev.reelmesh.common.server;

import dev.reelmesh.common.auth.BearerToken;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Server and channel builders with the mesh's limits applied the same way on every transport:
 * in-process between services in one JVM, Netty across machines.
 */
public final class Transports {
  /** Inline images (up to 8 MiB each) travel in scoring requests; leave room for a few. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  /**
   * HTTP/2 flow-control window. The 1 MiB default is smaller than one scoring request with a few
   * inline PNGs, which then waits on window updates over loopback.
   */
  public static final int FLOW_CONTROL_WINDOW_BYTES = 8 * 1024 * 1024;

  /** A unary or client-streaming call made without a deadline gets this one. */
  public static final long DEFAULT_DEADLINE_MINUTES = 30;

  private Transports() {}

  /** A plaintext Netty server (loopback, tests). */
  public static ServerBuilder<?> netty(String host, int port) {
    return netty(host, port, InsecureServerCredentials.create());
  }

  /** A Netty server speaking what {@code credentials} say (TLS, mutual TLS, plaintext). */
  public static ServerBuilder<?> netty(String host, int port, ServerCredentials credentials) {
    return NettyServerBuilder.forAddress(new InetSocketAddress(host, port), credentials)
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .maxInboundMetadataSize(64 * 1024)
        .flowControlWindow(FLOW_CONTROL_WINDOW_BYTES)
        .permitKeepAliveTime(10, TimeUnit.SECONDS);
  }

  public static ServerBuilder<?> inProcess(String name) {
    return InProcessServerBuilder.forName(name).maxInboundMessageSize(MAX_MESSAGE_BYTES);
  }

  public static ManagedChannel inProcessChannel(String name) {
    return InProcessChannelBuilder.forName(name)
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .intercept(DEFAULT_DEADLINE)
        .intercept(dev.reelmesh.common.observe.RpcObservation.client())
        .build();
  }

  /** A plaintext channel to {@code host:port} without a token (loopback, tests). */
  public static ManagedChannel nettyChannel(String target) {
    return nettyChannel(target, InsecureChannelCredentials.create(), Optional.empty());
  }

  /** A channel to {@code host:port} with {@code credentials}, sending {@code token} if given. */
  public static ManagedChannel nettyChannel(String target, ChannelCredentials credentials,
      Optional<BearerToken> token) {
    List<ClientInterceptor> interceptors = new ArrayList<>();
    token.ifPresent(interceptors::add);
    interceptors.add(DEFAULT_DEADLINE);
    interceptors.addAll(dev.reelmesh.common.observe.RpcObservation.client());
    return NettyChannelBuilder.forTarget(target, credentials)
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .flowControlWindow(FLOW_CONTROL_WINDOW_BYTES)
        .intercept(interceptors)
        .build();
  }

  /**
   * Unary and client-streaming calls never wait forever. Server streams (watching a job,
   * downloading) may rightly last longer and keep the caller's choice.
   */
  private static final ClientInterceptor DEFAULT_DEADLINE = new ClientInterceptor() {
    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(
        MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      boolean bounded = method.getType() == MethodDescriptor.MethodType.UNARY
          || method.getType() == MethodDescriptor.MethodType.CLIENT_STREAMING;
      return next.newCall(method, bounded && options.getDeadline() == null
          ? options.withDeadlineAfter(DEFAULT_DEADLINE_MINUTES, TimeUnit.MINUTES) : options);
    }
  };
}
