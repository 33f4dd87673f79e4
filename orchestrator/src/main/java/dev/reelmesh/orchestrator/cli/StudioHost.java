package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.common.server.NetworkSecurity;
import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.orchestrator.mesh.Mesh;
import dev.reelmesh.orchestrator.studio.Studio;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The studio of {@code reelmesh up}: served over its own in-process channel to the pipeline.
 * With authentication configured, that channel reaches the pipeline behind the same token check
 * as the network ports, and the studio passes each browser's token on: a browser is a caller
 * like any other, with its tenant. Without it, the studio's callers are the mesh's one local user.
 */
final class StudioHost implements AutoCloseable {
  private final ServiceHost checked;
  private final ManagedChannel pipeline;
  private final Studio studio;
  private final String host;

  private StudioHost(ServiceHost checked, ManagedChannel pipeline, Studio studio, String host) {
    this.checked = checked;
    this.pipeline = pipeline;
    this.studio = studio;
    this.host = host;
  }

  static StudioHost start(Mesh mesh, String host, int port, NetworkSecurity security,
      dev.reelmesh.common.observe.MetricsToken metricsToken) throws IOException {
    ServiceHost checked = null;
    ManagedChannel pipeline;
    if (security.auth().enabled()) {
      String name = "reelmesh-studio-" + UUID.randomUUID();
      checked = ServiceHost.start(Transports.inProcess(name), mesh.pipelineServices(),
          security.interceptor());
      pipeline = Transports.inProcessChannel(name);
    } else {
      pipeline = mesh.pipelineChannel();
    }
    try {
      return new StudioHost(checked, pipeline, Studio.start(pipeline, mesh.channels().media(),
          host, port, metricsToken), host);
    } catch (IOException | RuntimeException e) {
      pipeline.shutdownNow();
      if (checked != null) {
        checked.shutdown(2_000);
      }
      throw e;
    }
  }

  String url() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + studio.port() + "/";
  }

  @Override
  public void close() {
    studio.close();
    pipeline.shutdownNow();
    try {
      pipeline.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (checked != null) {
      checked.shutdown(2_000);
    }
  }
}
