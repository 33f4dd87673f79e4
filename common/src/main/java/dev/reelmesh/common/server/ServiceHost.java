package dev.reelmesh.common.server;

import dev.reelmesh.common.auth.AuthInterceptor;
import dev.reelmesh.common.auth.Principal;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Binds one service's list of {@link BindableService}s, plus gRPC health checking and server
 * reflection, to any server builder. Production (Netty) and tests (in-process) use this same code,
 * so what the tests exercise is what operators run.
 */
public final class ServiceHost implements AutoCloseable {
  private final Server server;
  private final HealthStatusManager health;
  private final List<String> serviceNames;

  private ServiceHost(Server server, HealthStatusManager health, List<String> serviceNames) {
    this.server = server;
    this.health = health;
    this.serviceNames = serviceNames;
  }

  /**
   * Serves {@code services} to trusted callers only: every call is {@link Principal#LOCAL}. For
   * in-process servers (only this JVM reaches them) and tests.
   */
  public static ServiceHost start(ServerBuilder<?> builder, List<BindableService> services)
      throws IOException {
    return start(builder, services, AuthInterceptor.trusting(Principal.LOCAL));
  }

  /**
   * Adds {@code services}, health and reflection to {@code builder} behind {@code auth} (who may
   * call what), starts the server, and marks every service (and the server as a whole, the empty
   * name) SERVING.
   */
  @SuppressWarnings("deprecation") // v1alpha reflection is still what many clients ask for first.
  public static ServiceHost start(ServerBuilder<?> builder, List<BindableService> services,
      AuthInterceptor auth) throws IOException {
    Objects.requireNonNull(builder, "builder");
    if (services.isEmpty()) {
      throw new IllegalArgumentException("a service host needs at least one service");
    }
    HealthStatusManager health = new HealthStatusManager();
    List<String> names =
        services.stream().map(s -> s.bindService().getServiceDescriptor().getName()).toList();
    for (BindableService service : services) {
      // Parsing is guarded innermost, so a malformed request reaches the handler as a refusal;
      // who calls is checked outermost, before anything else runs.
      // Metrics and traces outermost of all: refusals are counted and traced too.
      java.util.List<io.grpc.ServerInterceptor> chain = new java.util.ArrayList<>(
          List.of(new UncaughtExceptionInterceptor(), auth));
      chain.addAll(dev.reelmesh.common.observe.RpcObservation.server());
      builder.addService(ServerInterceptors.intercept(
          ParsedRequests.rebind(service.bindService()), chain));
    }
    builder.addService(ServerInterceptors.intercept(health.getHealthService(), auth));
    builder.addService(ServerInterceptors.intercept(ProtoReflectionServiceV1.newInstance(), auth));
    builder.addService(ServerInterceptors.intercept(
        io.grpc.protobuf.services.ProtoReflectionService.newInstance(), auth));
    Server server = builder.build().start();
    for (String name : names) {
      health.setStatus(name, ServingStatus.SERVING);
    }
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    for (BindableService service : services) {
      if (service instanceof HealthReporter reporter) {
        reporter.reportTo(new HealthReporter.Sink() {
          @Override
          public void set(String name, boolean serving) {
            health.setStatus(name, serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
          }

          @Override
          public void clear(String name) {
            health.clearStatus(name);
          }
        });
      }
    }
    return new ServiceHost(server, health, names);
  }

  public Server server() {
    return server;
  }

  /** Fully-qualified names of the services this host serves ("reelmesh.v1.LlmService"). */
  public List<String> serviceNames() {
    return serviceNames;
  }

  /** The bound port, or -1 for transports without one (in-process). */
  public int port() {
    return server.getPort();
  }

  /**
   * Reports NOT_SERVING (so load balancers drain), refuses new calls, and gives calls in flight
   * up to {@code graceMillis} to finish before cancelling them.
   */
  public void shutdown(long graceMillis) {
    health.enterTerminalState();
    server.shutdown();
    try {
      if (!server.awaitTermination(graceMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    shutdown(5_000);
  }
}
