package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.server.NetworkSecurity;
import dev.reelmesh.orchestrator.mesh.Mesh;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Channels to a mesh: an in-process one this command starts (the default for generate), or a
 * running one at {@code --server} (pipeline) and {@code --media} (downloads).
 */
final class Connection implements AutoCloseable {
  private final Mesh mesh;
  private final ManagedChannel pipeline;
  private final ManagedChannel media;

  private Connection(Mesh mesh, ManagedChannel pipeline, ManagedChannel media) {
    this.mesh = mesh;
    this.pipeline = pipeline;
    this.media = media;
  }

  static Connection inProcess(MeshSettings settings) throws IOException {
    Mesh mesh = Mesh.start(settings, null, null);
    return new Connection(mesh, mesh.pipelineChannel(), null);
  }

  /** {@code server} is host:port of the pipeline; media defaults to the port three above. */
  static Connection remote(String server, String mediaAddress) {
    int colon = server.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--server must be host:port, got '" + server + "'");
    }
    String media = mediaAddress;
    if (media == null) {
      int port = Integer.parseInt(server.substring(colon + 1));
      media = server.substring(0, colon) + ":" + (port + 3);
    }
    // TLS and the bearer token ($REELMESH_TOKEN) as the environment configures them.
    NetworkSecurity security = NetworkSecurity.fromEnv(System.getenv());
    return new Connection(null, security.channel(server), security.channel(media));
  }

  Channel pipeline() {
    return pipeline;
  }

  Channel media() {
    return mesh != null ? mesh.channels().media() : media;
  }

  @Override
  public void close() {
    for (ManagedChannel channel : new ManagedChannel[] {pipeline, media}) {
      if (channel != null) {
        channel.shutdownNow();
        try {
          channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (mesh != null) {
      mesh.close();
    }
  }
}
