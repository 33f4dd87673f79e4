package dev.reelmesh.orchestrator.mesh;

import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.config.ServicePorts;
import dev.reelmesh.common.auth.AuthInterceptor;
import dev.reelmesh.common.server.NetworkSecurity;
import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.media.MediaServices;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.pipeline.PipelineServices;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.store.Database;
import dev.reelmesh.scoring.ScoringConfig;
import dev.reelmesh.scoring.ScoringRuntime;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * All four services in one JVM ({@code reelmesh up}, {@code reelmesh generate}). Each service's
 * list of services is bound twice through the same {@link ServiceHost} wiring: to an in-process
 * server the orchestrator reaches it on, and, when ports are given, to a Netty server on
 * {@code host} for outside clients.
 */
public final class Mesh implements AutoCloseable {
  private final List<ServiceHost> hosts;
  private final List<ManagedChannel> channels;
  private final Map<String, String> addresses;
  private final MeshChannels meshChannels;
  private final PipelineServices pipeline;
  private final ScoringRuntime scoring;

  private Mesh(List<ServiceHost> hosts, List<ManagedChannel> channels,
      Map<String, String> addresses, MeshChannels meshChannels, PipelineServices pipeline,
      ScoringRuntime scoring) {
    this.scoring = scoring;
    this.hosts = hosts;
    this.channels = channels;
    this.addresses = addresses;
    this.meshChannels = meshChannels;
    this.pipeline = pipeline;
  }

  /** The job engine behind the pipeline service. */
  public JobEngine engine() {
    return pipeline.engine();
  }

  /**
   * Starts the mesh. With {@code ports == null} nothing listens on the network (the in-process
   * mesh that {@code reelmesh generate} uses).
   */
  public static Mesh start(MeshSettings settings, ServicePorts ports, String host)
      throws IOException {
    return start(settings, ports, host, System.getenv(
        dev.reelmesh.orchestrator.store.Database.URL_VARIABLE));
  }

  /**
   * As above, state in the PostgreSQL at {@code databaseUrl}; null or blank: an embedded
   * PostgreSQL under the data directory, started here and stopped with the mesh.
   */
  public static Mesh start(MeshSettings settings, ServicePorts ports, String host,
      String databaseUrl) throws IOException {
    return start(settings, ports, host, () -> ProviderFactory.fromEnv(System.getenv()),
        JobEngine.Options.defaults(), databaseUrl, NetworkSecurity.NONE);
  }

  /** As above, with the job engine's providers and options chosen (tests inject failures). */
  public static Mesh start(MeshSettings settings, ServicePorts ports, String host,
      ProviderFactory providers, JobEngine.Options options, String databaseUrl)
      throws IOException {
    return start(settings, ports, host, providers, options, databaseUrl, NetworkSecurity.NONE);
  }

  /**
   * As above; the network ports check callers and speak TLS as {@code security} says. The
   * in-process servers the orchestrator calls need no token: only this JVM reaches them.
   */
  public static Mesh start(MeshSettings settings, ServicePorts ports, String host,
      ProviderFactory providers, JobEngine.Options options, String databaseUrl,
      NetworkSecurity security)
      throws IOException {
    return start(settings, ports, host, () -> providers, options, databaseUrl, security);
  }

  /**
   * As above, the providers made once the database has begun to open (reading their
   * configuration then overlaps with it).
   */
  public static Mesh start(MeshSettings settings, ServicePorts ports, String host,
      Supplier<ProviderFactory> providerConfig, JobEngine.Options options, String databaseUrl,
      NetworkSecurity security)
      throws IOException {
    // Off unless an OTLP endpoint is configured; once per process.
    dev.reelmesh.common.observe.Tracing.configure("reelmesh", System.getenv());
    // The database (the embedded PostgreSQL's start and the schema migration: the longest part
    // of start-up, half of it waiting on the server process) opens on a thread of its own,
    // first, while this one builds the other services.
    CompletableFuture<Database> database = DatabaseStart.begin(databaseUrl, settings);
    List<ServiceHost> hosts = new ArrayList<>();
    PipelineServices pipelineServices = null;
    ScoringRuntime scoringRuntime = null;
    List<ManagedChannel> channels = new ArrayList<>();
    Map<String, String> addresses = new LinkedHashMap<>();
    String prefix = "reelmesh-" + UUID.randomUUID() + "-";
    try {
      ProviderFactory providers = providerConfig.get();
      // A leaf service named by REELMESH_<ROLE>_ADDRESS (host:port[,host:port...]) runs
      // elsewhere, as many replicas as listed; the others run in this process.
      Map<String, String> env = System.getenv();
      String llmAt = env.get("REELMESH_LLM_ADDRESS");
      String scoringAt = env.get("REELMESH_SCORING_ADDRESS");
      String mediaAt = env.get("REELMESH_MEDIA_ADDRESS");
      List<BindableService> llm = remote(llmAt) ? null : LlmServices.create(settings);
      if (!remote(scoringAt)) {
        // Models load after start-up; calls that need them wait for that first scan.
        scoringRuntime = ScoringRuntime.start(settings, ScoringConfig.fromEnvironment(env));
      }
      List<BindableService> scoring = scoringRuntime == null ? null : scoringRuntime.services();
      List<BindableService> media = remote(mediaAt) ? null : MediaServices.create(settings);
      MeshChannels meshChannels = new MeshChannels(
          leaf(prefix + "llm", llm, llmAt, hosts, channels),
          leaf(prefix + "scoring", scoring, scoringAt, hosts, channels),
          leaf(prefix + "media", media, mediaAt, hosts, channels));
      pipelineServices = PipelineServices.startOn(settings, meshChannels, providers, options,
          DatabaseStart.await(database));
      List<BindableService> pipeline = pipelineServices.services();
      serveInProcess(prefix + "pipeline", pipeline, hosts, channels);
      if (ports != null) {
        Network network = new Network(host, security, security.interceptor(), hosts, addresses);
        network.serve("pipeline", ports.pipeline(), pipeline);
        // Leaf services given by address run elsewhere: this mesh serves only its own.
        if (llm != null) {
          network.serve("llm", ports.llm(), llm);
        }
        if (scoring != null) {
          network.serve("scoring", ports.scoring(), scoring);
        }
        if (media != null) {
          network.serve("media", ports.media(), media);
        }
      }
      addresses.put("in-process pipeline", prefix + "pipeline");
      // The natives a job needs later (FFmpeg, Java2D) load beside the first submit and plan,
      // which use one core, rather than competing with start-up itself.
      Warmup.inBackground();
      return new Mesh(hosts, channels, addresses, meshChannels, pipelineServices,
          scoringRuntime);
    } catch (IOException | RuntimeException e) {
      if (pipelineServices == null) {
        DatabaseStart.closeWhenOpen(database); // the pipeline owns it once started
      }
      stopAll(hosts, channels, pipelineServices, scoringRuntime);
      throw e;
    }
  }

  private static boolean remote(String address) {
    return address != null && !address.isBlank();
  }

  /** The in-process service, or a round-robin channel to the listed remote replicas. */
  private static ManagedChannel leaf(String name, List<BindableService> services,
      String address, List<ServiceHost> hosts, List<ManagedChannel> channels)
      throws IOException {
    if (services == null) {
      ManagedChannel channel = AddressList.channel(address);
      channels.add(channel);
      return channel;
    }
    return serveInProcess(name, services, hosts, channels);
  }

  private static ManagedChannel serveInProcess(String name, List<BindableService> services,
      List<ServiceHost> hosts, List<ManagedChannel> channels) throws IOException {
    hosts.add(ServiceHost.start(Transports.inProcess(name), services));
    ManagedChannel channel = Transports.inProcessChannel(name);
    channels.add(channel);
    return channel;
  }

  /** The Netty side of the mesh: one address, one security configuration, four ports. */
  private record Network(String host, NetworkSecurity security, AuthInterceptor auth,
      List<ServiceHost> hosts, Map<String, String> addresses) {
    void serve(String role, int port, List<BindableService> services) throws IOException {
      try {
        ServiceHost served = ServiceHost.start(
            Transports.netty(host, port, security.tls().serverCredentials()), services, auth);
        hosts.add(served);
        addresses.put(role, hostPort(host, served.port()));
      } catch (IOException e) {
        throw new IOException("cannot listen for the " + role + " service on " + host + ":"
            + port + " (" + e.getMessage() + "); is another mesh running? Try --port-base", e);
      }
    }
  }

  private static String hostPort(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** Role → address: "pipeline" → "127.0.0.1:50051", ... and the in-process pipeline name. */
  public Map<String, String> addresses() {
    return addresses;
  }

  /** In-process channels to the llm, scoring and media services. */
  public MeshChannels channels() {
    return meshChannels;
  }

  /** The pipeline's services, to bind behind another check (the studio's token check). */
  public List<BindableService> pipelineServices() {
    return pipeline.services();
  }

  /** An in-process channel to the pipeline service; the caller shuts it down. */
  public ManagedChannel pipelineChannel() {
    return Transports.inProcessChannel(addresses.get("in-process pipeline"));
  }

  public void awaitTermination() throws InterruptedException {
    for (ServiceHost host : hosts) {
      host.server().awaitTermination();
    }
  }

  @Override
  public void close() {
    stopAll(hosts, channels, pipeline, scoring);
  }

  private static void stopAll(List<ServiceHost> hosts, List<ManagedChannel> channels,
      PipelineServices pipeline, ScoringRuntime scoring) {
    // The engine first: its runs stop (they stay RUNNING on disk and resume on the next start)
    // while the services they call are still up. Then the servers, outside-facing ones first.
    if (pipeline != null) {
      pipeline.close();
    }
    for (int i = hosts.size() - 1; i >= 0; i--) {
      hosts.get(i).shutdown(10_000);
    }
    for (ManagedChannel channel : channels) {
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Native ONNX sessions go last, once no call can reach them.
    if (scoring != null) {
      scoring.close();
    }
  }
}
