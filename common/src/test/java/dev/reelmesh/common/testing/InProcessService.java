package dev.reelmesh.common.testing;

import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A service's list of {@link BindableService}s served in-process through the production
 * {@link ServiceHost} wiring, with a channel to it. Close it to stop both.
 */
public final class InProcessService implements AutoCloseable {
  private final ServiceHost host;
  private final ManagedChannel channel;

  private InProcessService(ServiceHost host, ManagedChannel channel) {
    this.host = host;
    this.channel = channel;
  }

  public static InProcessService start(List<BindableService> services) {
    String name = "test-" + UUID.randomUUID();
    try {
      ServiceHost host = ServiceHost.start(Transports.inProcess(name), services);
      return new InProcessService(host, Transports.inProcessChannel(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static InProcessService start(BindableService... services) {
    return start(List.of(services));
  }

  public ManagedChannel channel() {
    return channel;
  }

  public ServiceHost host() {
    return host;
  }

  @Override
  public void close() {
    try {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // still shut the server down; the caller sees the flag
    }
    host.shutdown(5_000);
  }
}
