package dev.reelmesh.orchestrator.security;

import dev.reelmesh.common.auth.AuthInterceptor;
import dev.reelmesh.common.auth.BearerToken;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.fetch.FetchPolicy;
import dev.reelmesh.common.server.ServiceHost;
import dev.reelmesh.common.server.Transports;
import dev.reelmesh.common.testing.TestTokens;
import dev.reelmesh.llm.LlmServices;
import dev.reelmesh.media.MediaServices;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.orchestrator.pipeline.PipelineServices;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.scoring.ScoringConfig;
import dev.reelmesh.scoring.ScoringRuntime;
import io.grpc.BindableService;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The four services as a remote attacker meets them: each on its own loopback Netty port behind
 * the production auth interceptor (tokens of {@link TestTokens}), wired to each other in-process
 * as {@code reelmesh up} wires them, with the scoring service allowed to fetch by URL from a list
 * of hosts (all of them private) so SSRF attempts reach the address check.
 */
final class SecuredMesh implements AutoCloseable {
  final MeshSettings settings;
  final TestTokens tokens;
  private final ScoringRuntime scoring;
  private final PipelineServices pipeline;
  private final List<ServiceHost> hosts = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final Map<String, Integer> ports = new HashMap<>();
  private final Map<String, ManagedChannel> byToken = new HashMap<>();

  SecuredMesh(Path dir, FetchPolicy scoringFetch) throws IOException {
    settings = new MeshSettings(dir.resolve("data"), dir.resolve("models"));
    tokens = new TestTokens(dir.resolve("keys"));
    List<BindableService> llm = LlmServices.create(settings);
    scoring = ScoringRuntime.open(settings, ScoringConfig.defaults().withFetch(scoringFetch));
    List<BindableService> media = MediaServices.create(settings);
    MeshChannels internal = new MeshChannels(inProcess(llm), inProcess(scoring.services()),
        inProcess(media));
    pipeline = PipelineServices.start(settings, internal, ProviderFactory.offline(),
        new JobEngine.Options(2, 4, 50_000_000L, FetchPolicy.DISABLED), null);
    AuthInterceptor auth = AuthInterceptor.forConfig(tokens.config());
    serve("pipeline", pipeline.services(), auth);
    serve("llm", llm, auth);
    serve("scoring", scoring.services(), auth);
    serve("media", media, auth);
  }

  private ManagedChannel inProcess(List<BindableService> services) throws IOException {
    String name = "secured-" + UUID.randomUUID();
    hosts.add(ServiceHost.start(Transports.inProcess(name), services));
    ManagedChannel channel = Transports.inProcessChannel(name);
    channels.add(channel);
    return channel;
  }

  private void serve(String role, List<BindableService> services, AuthInterceptor auth)
      throws IOException {
    ServiceHost host = ServiceHost.start(Transports.netty("127.0.0.1", 0), services, auth);
    hosts.add(host);
    ports.put(role, host.port());
  }

  /** A channel over Netty to {@code role} that sends {@code token} (null: no token). */
  synchronized ManagedChannel channel(String role, String token) {
    return byToken.computeIfAbsent(role + "|" + token, k -> {
      ManagedChannel c = Transports.nettyChannel("127.0.0.1:" + ports.get(role),
          InsecureChannelCredentials.create(),
          Optional.ofNullable(token).map(BearerToken::new));
      channels.add(c);
      return c;
    });
  }

  @Override
  public void close() {
    pipeline.close();
    for (int i = hosts.size() - 1; i >= 0; i--) {
      hosts.get(i).shutdown(2_000);
    }
    for (ManagedChannel c : channels) {
      try {
        c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    scoring.close();
  }
}
