package dev.reelmesh.orchestrator.cli;

import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command reaches a mesh: one it starts in this process on --data (the default), or a
 * running one at --server. The command's code is the same either way: it gets channels.
 */
final class MeshAccess {
  @Option(names = "--server", paramLabel = "HOST:PORT",
      description = "Use a running mesh (reelmesh up) instead of starting one in this process.")
  String server;

  @Option(names = "--media", paramLabel = "HOST:PORT",
      description = "Media service of that mesh, for downloads (default: --server port + 3).")
  String mediaServer;

  @Mixin MeshOptions mesh;

  /** Checks the addresses' form before anything starts. */
  void check(Checks checks) {
    checks.hostPort("--server", server);
    checks.hostPort("--media", mediaServer);
  }

  Connection open() throws IOException {
    return open(System.getenv());
  }

  /** As above; a running mesh is reached with the TLS and token {@code env} configures. */
  Connection open(java.util.Map<String, String> env) throws IOException {
    return server == null ? Connection.inProcess(mesh.settings(), mesh.databaseUrl())
        : Connection.remote(server, mediaServer, env);
  }

  /** The flags that reach the same mesh again, for the next command a message suggests. */
  String flags() {
    if (server != null) {
      return " --server " + server + (mediaServer != null ? " --media " + mediaServer : "");
    }
    return (mesh.data != null ? " --data " + mesh.data : "")
        + (mesh.models != null ? " --models " + mesh.models : "");
  }
}
