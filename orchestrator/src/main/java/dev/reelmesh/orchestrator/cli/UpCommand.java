package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.config.ServicePorts;
import dev.reelmesh.common.server.NetworkSecurity;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.mesh.Mesh;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reelmesh up}: all four services in one JVM until Ctrl-C or SIGTERM. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Serve the pipeline, llm, scoring and media services from one JVM.")
final class UpCommand implements Callable<Integer> {
  @Mixin MeshOptions mesh;

  @Option(names = "--port-base", paramLabel = "N", defaultValue = "50051",
      description = "Pipeline on N, llm N+1, scoring N+2, media N+3 (default: ${DEFAULT-VALUE}).")
  int portBase;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only). Another "
          + "address needs REELMESH_AUTH_SECRET (or public keys) configured, or --insecure.")
  String host;

  @Option(names = "--insecure",
      description = "Serve a non-loopback --host without authentication (anyone may call).")
  boolean insecure;

  @Option(names = "--studio-port", paramLabel = "N",
      description = "Web studio port (default: port base + 5; 0 = any free port).")
  Integer studioPort;

  @Option(names = "--no-studio", description = "Do not serve the web studio.")
  boolean noStudio;

  @Option(names = "--metrics-port", paramLabel = "N",
      description = "Also serve Prometheus metrics on their own port (0 = any free port); env "
          + "REELMESH_METRICS_PORT. The studio serves them at /metrics either way.")
  Integer metricsPort;

  @Spec CommandSpec spec;

  /** Where tokens, TLS and providers are configured (tests set their own). */
  Map<String, String> env = System.getenv();

  /** Counted down once the mesh is serving; lets tests wait for it. */
  final CountDownLatch serving = new CountDownLatch(1);

  /** Counted down to stop the mesh, as a shutdown signal does. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    MeshSettings settings = mesh.settings();
    PrintWriter out = spec.commandLine().getOut();
    NetworkSecurity security = NetworkSecurity.fromEnv(env);
    security.checkListen(host, insecure).ifPresent(spec.commandLine().getErr()::println);
    // Without authentication the studio calls the pipeline as the local user, so it listens on
    // loopback unless the operator accepted an open mesh with --insecure; with it, the studio
    // passes each browser's token to the pipeline's check and listens where the mesh does.
    String studioHost = insecure || security.auth().enabled() ? host : "127.0.0.1";
    dev.reelmesh.common.observe.MetricsToken metricsToken =
        dev.reelmesh.common.observe.MetricsToken.fromEnv(env);
    // Providers are configured once the database has begun to open (see Mesh.start).
    try (Mesh running = Mesh.start(settings, ServicePorts.fromBase(portBase), host,
        () -> ProviderFactory.fromEnv(env), JobEngine.Options.defaults(), mesh.databaseUrl(),
        security);
        StudioHost studio = noStudio ? null : StudioHost.start(running, studioHost,
            studioPort != null ? studioPort : portBase + 5, security, metricsToken);
        dev.reelmesh.common.observe.MetricsEndpoint metrics =
            metricsEndpoint(studioHost, metricsToken)) {
      Thread hook = new Thread(() -> {
        stop.countDown();
        running.close();
      }, "reelmesh-up-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("reelmesh is up (data " + settings.dataDir() + ", models "
          + settings.modelsDir() + ")");
      for (Map.Entry<String, String> entry : running.addresses().entrySet()) {
        if (!entry.getKey().startsWith("in-process")) {
          out.printf("  %-9s %s%n", entry.getKey(), entry.getValue());
        }
      }
      if (studio != null) {
        out.printf("  %-9s %s%n", "studio", studio.url());
        out.printf("  %-9s %smetrics%n", "metrics", studio.url());
      }
      if (metrics != null) {
        out.printf("  %-9s http://%s:%d/metrics%n", "metrics", studioHost, metrics.port());
      }
      out.println("Ctrl-C to stop.");
      out.flush();
      serving.countDown();
      stop.await();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it closes the mesh.
      }
    }
    out.println("reelmesh stopped.");
    out.flush();
    return 0;
  }

  /** The metrics page on its own port, when asked for; the same token as the studio's page. */
  private dev.reelmesh.common.observe.MetricsEndpoint metricsEndpoint(String at,
      dev.reelmesh.common.observe.MetricsToken token) throws java.io.IOException {
    Integer port = metricsPort != null ? metricsPort
        : dev.reelmesh.common.observe.MetricsPort.fromEnv(env);
    return port == null ? null : dev.reelmesh.common.observe.MetricsEndpoint.start(at, port, token);
  }
}
