package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.orchestrator.studio.Studio;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code reelmesh studio --server HOST:PORT}: the web studio in front of a mesh that runs
 * elsewhere ({@code reelmesh up} serves its own). Same pages, over Netty channels.
 */
@Command(name = "studio", mixinStandardHelpOptions = true,
    description = "Serve the web studio for a running mesh (reelmesh up already serves one on "
        + "its port base + 5).", footer = ExitCodes.HELP)
final class StudioCommand implements Callable<Integer> {
  @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:50051",
      description = "Pipeline service of the mesh (default ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--media", paramLabel = "HOST:PORT",
      description = "Media service of that mesh (default: --server port + 3).")
  String media;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default "
      + "${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
  String host;

  @Spec CommandSpec spec;

  /** Counted down once serving, and to stop (tests). */
  final CountDownLatch serving = new CountDownLatch(1);
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    Checks checks = new Checks(spec);
    checks.hostPort("--server", server);
    checks.hostPort("--media", media);
    checks.range("--port", port, 0, 65_535);
    // Each browser's own token goes to the mesh; the studio never lends $REELMESH_TOKEN to
    // whoever opens its pages.
    java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.remove(dev.reelmesh.common.auth.BearerToken.ENV);
    try (Connection connection = Connection.remote(server, media, env);
        Studio studio = Studio.start(connection.pipeline(), connection.media(), host, port,
            dev.reelmesh.common.observe.MetricsToken.fromEnv(env))) {
      PrintWriter out = spec.commandLine().getOut();
      out.println("studio for " + server + " at http://" + host + ":" + studio.port()
          + "/  (Ctrl-C to stop)");
      out.flush();
      Thread hook = new Thread(stop::countDown, "reelmesh-studio-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      serving.countDown();
      stop.await();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running.
      }
    }
    return ExitCodes.OK;
  }
}
