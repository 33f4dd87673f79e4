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
  private final ManagedChannel llm;

  private Connection(Mesh mesh, ManagedChannel pipeline, ManagedChannel media, ManagedChannel llm) {
    this.mesh = mesh;
    this.pipeline = pipeline;
    this.media = media;
    this.llm = llm;
  }

  static Connection inProcess(MeshSettings settings, String databaseUrl) throws IOException {
    Mesh mesh = Mesh.start(settings, null, null, databaseUrl);
    return new Connection(mesh, mesh.pipelineChannel(), null, null);
  }

  /**
   * {@code server} is host:port of the pipeline; llm is the port above it and media, unless
   * given, the port three above (as {@code reelmesh up} lays them out).
   */
  static Connection remote(String server, String mediaAddress) {
    return remote(server, mediaAddress, System.getenv());
  }

  /** As above, TLS and token from {@code env} (tests set their own). */
  static Connection remote(String server, String mediaAddress, java.util.Map<String, String> env) {
    int port = port(server);
    String host = server.substring(0, server.lastIndexOf(':'));
    String media = mediaAddress != null ? mediaAddress : host + ":" + (port + 3);
    // TLS and the bearer token ($REELMESH_TOKEN) as the environment configures them.
    NetworkSecurity security = NetworkSecurity.fromEnv(env);
    return new Connection(null, security.channel(server), security.channel(media),
        security.channel(host + ":" + (port + 1)));
  }

  /** The port of a host:port, refused in the user's words when it is not one. */
  static int port(String server) {
    int colon = server.lastIndexOf(':');
    try {
      int port = colon <= 0 ? -1 : Integer.parseInt(server.substring(colon + 1));
      if (port > 0 && port < 65_533) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Falls through to the message below.
    }
    throw new IllegalArgumentException("--server must be HOST:PORT (e.g. 127.0.0.1:50051), got '"
        + server + "'");
  }

  Channel pipeline() {
    return pipeline;
  }

  Channel media() {
    return mesh != null ? mesh.channels().media() : media;
  }

  Channel llm() {
    return mesh != null ? mesh.channels().llm() : llm;
  }

  @Override
  public void close() {
    for (ManagedChannel channel : new ManagedChannel[] {pipeline, media, llm}) {
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
