package dev.reelmesh.common.server;

import io.grpc.ManagedChannel;
import io.grpc.ServerBuilder;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
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

  private Transports() {}

  public static ServerBuilder<?> netty(String host, int port) {
    return NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .flowControlWindow(FLOW_CONTROL_WINDOW_BYTES)
        .permitKeepAliveTime(10, TimeUnit.SECONDS);
  }

  public static ServerBuilder<?> inProcess(String name) {
    return InProcessServerBuilder.forName(name).maxInboundMessageSize(MAX_MESSAGE_BYTES);
  }

  public static ManagedChannel inProcessChannel(String name) {
    return InProcessChannelBuilder.forName(name)
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .build();
  }

  /** A plaintext channel to {@code host:port} (the mesh runs on trusted networks or loopback). */
  public static ManagedChannel nettyChannel(String target) {
    return NettyChannelBuilder.forTarget(target)
        .usePlaintext()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .flowControlWindow(FLOW_CONTROL_WINDOW_BYTES)
        .build();
  }
}
