package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.orchestrator.mesh.Mesh;
import dev.reelmesh.orchestrator.studio.Studio;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The studio of {@code reelmesh up}: served over its own in-process channel to the pipeline. */
final class StudioHost implements AutoCloseable {
  private final ManagedChannel pipeline;
  private final Studio studio;
  private final String host;

  private StudioHost(ManagedChannel pipeline, Studio studio, String host) {
    this.pipeline = pipeline;
    this.studio = studio;
    this.host = host;
  }

  static StudioHost start(Mesh mesh, String host, int port) throws IOException {
    ManagedChannel pipeline = mesh.pipelineChannel();
    try {
      return new StudioHost(pipeline, Studio.start(pipeline, mesh.channels().media(), host, port),
          host);
    } catch (IOException | RuntimeException e) {
      pipeline.shutdownNow();
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
  }
}
