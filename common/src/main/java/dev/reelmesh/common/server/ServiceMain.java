package dev.reelmesh.common.server;

import dev.reelmesh.common.config.MeshSettings;
import io.grpc.BindableService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The thin {@code main} of every service module: serves the module's list of services, with
 * health and reflection, on a configurable port until SIGTERM/Ctrl-C, then drains.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
public final class ServiceMain implements Callable<Integer> {
  private final String label;
  private final int defaultPort;
  private final Function<MeshSettings, List<BindableService>> factory;

  @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  private Integer port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only). Another address "
          + "needs REELMESH_AUTH_SECRET (or public keys) configured, or --insecure.")
  private String host;

  @Option(names = "--insecure",
      description = "Serve a non-loopback --host without authentication (anyone may call).")
  private boolean insecure;

  @Option(names = "--data", description = "Data directory (artifacts, state); env REELMESH_DATA.")
  private Path data;

  @Option(names = "--models", description = "Model repository; env REELMESH_MODELS.")
  private Path models;

  @Option(names = "--metrics-port", paramLabel = "N",
      description = "Serve Prometheus metrics at http://HOST:N/metrics (0 = any free port); env "
          + "REELMESH_METRICS_PORT. Off unless given: the page needs no token.")
  private Integer metricsPort;

  private ServiceMain(
      String label, int defaultPort, Function<MeshSettings, List<BindableService>> factory) {
    this.label = label;
    this.defaultPort = defaultPort;
    this.factory = factory;
  }

  /** Parses {@code args} and serves until the process is asked to stop. Returns the exit code. */
  public static int run(
      String label,
      int defaultPort,
      Function<MeshSettings, List<BindableService>> factory,
      String[] args) {
    CommandLine cli = new CommandLine(new ServiceMain(label, defaultPort, factory))
        .setCommandName(label);
    // A refused configuration (--host without auth, a bad key file) is one line, not a trace.
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println(label + ": " + (e instanceof IllegalArgumentException
          ? e.getMessage() : e.toString()));
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    MeshSettings settings = MeshSettings.resolve(data, models, System.getenv());
    NetworkSecurity security = NetworkSecurity.fromEnv(System.getenv());
    security.checkListen(this.host, insecure).ifPresent(System.err::println);
    int chosenPort = port != null ? port : defaultPort;
    dev.reelmesh.common.observe.Tracing.configure(label, System.getenv());
    Integer metricsAt = metricsPort != null ? metricsPort
        : dev.reelmesh.common.observe.MetricsPort.fromEnv(System.getenv());
    dev.reelmesh.common.observe.MetricsEndpoint metrics = metricsAt == null ? null
        : dev.reelmesh.common.observe.MetricsEndpoint.start(this.host, metricsAt,
            dev.reelmesh.common.observe.MetricsToken.fromEnv(System.getenv()));
    ServiceHost host = ServiceHost.start(
        Transports.netty(this.host, chosenPort, security.tls().serverCredentials()),
        factory.apply(settings), security.interceptor());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      host.shutdown(10_000);
      if (metrics != null) {
        metrics.close();
      }
    }, label + "-stop"));
    System.out.printf("%s serving %s on %s:%d%n", label, host.serviceNames(), this.host,
        host.port());
    if (metrics != null) {
      System.out.printf("%s metrics on http://%s:%d/metrics%n", label, this.host, metrics.port());
    }
    host.server().awaitTermination();
    return 0;
  }
}
