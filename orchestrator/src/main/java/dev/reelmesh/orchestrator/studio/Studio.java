package dev.reelmesh.orchestrator.studio;

import io.grpc.Channel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The web studio: plain HTML, CSS and ES modules from the jar ({@code studio/}), a JSON API and
 * server-sent events over PipelineService stubs, and artifacts through MediaService, all on one
 * Vert.x HTTP server. It holds no job state of its own: every page is the API's answer.
 */
public final class Studio implements AutoCloseable {
  private static final long MAX_BODY_BYTES = 8L << 20; // a brief with a few reference images
  private final Vertx vertx;
  private final HttpServer server;
  private final Path cache;

  private Studio(Vertx vertx, HttpServer server, Path cache) {
    this.vertx = vertx;
    this.server = server;
    this.cache = cache;
  }

  /**
   * Serves the studio on {@code host:port} (0 = any free port). The channels are the caller's;
   * it shuts them down after closing the studio.
   */
  public static Studio start(Channel pipeline, Channel media, String host, int port)
      throws IOException {
    return start(pipeline, media, host, port, dev.reelmesh.common.observe.MetricsToken.none());
  }

  /** As above; {@code /metrics} answers 401 without {@code metricsToken} when one is set. */
  public static Studio start(Channel pipeline, Channel media, String host, int port,
      dev.reelmesh.common.observe.MetricsToken metricsToken) throws IOException {
    Path cache = Files.createTempDirectory("reelmesh-studio-");
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    // First: on loopback, only loopback names (a re-pointed DNS name is another page).
    if (LoopbackHost.guards(host)) {
      router.route().handler(LoopbackHost::check);
    }
    // Then: nothing another page asks for changes anything (see SameOrigin).
    router.route("/api/*").handler(SameOrigin::check);
    // Before the body handler: a WebSocket upgrade has no body to read.
    router.get("/api/chat").handler(new ChatSocket(pipeline)::handle);
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.get("/api/jobs/:id/events").handler(new EventStream(pipeline)::handle);
    new StudioApi(pipeline).mount(router);
    BrowserToken.mount(router, pipeline);
    router.get("/files").handler(new ArtifactFiles(pipeline, media, cache)::handle);
    // The whole process's meters (all four services in `reelmesh up`), for Prometheus to scrape.
    router.get("/metrics").handler(ctx -> {
      if (!metricsToken.admits(ctx.request().getHeader("Authorization"))) {
        ctx.response().setStatusCode(401)
            .putHeader("WWW-Authenticate",
            dev.reelmesh.common.observe.MetricsToken.CHALLENGE).end();
        return;
      }
      ctx.response()
          .putHeader("content-type", dev.reelmesh.common.observe.Metrics.CONTENT_TYPE)
          .end(dev.reelmesh.common.observe.Metrics.scrape());
    });
    router.route("/*").handler(StaticHandler.create("studio").setCachingEnabled(false)
        .setDefaultContentEncoding("UTF-8"));
    router.route().failureHandler(ctx -> GrpcHttp.fail(ctx, ctx.failure() != null
        ? ctx.failure() : io.grpc.Status.NOT_FOUND.withDescription("no such page")
            .asRuntimeException()));
    try {
      HttpServer server = vertx.createHttpServer().requestHandler(router).listen(port, host)
          .await(30, TimeUnit.SECONDS);
      return new Studio(vertx, server, cache);
    } catch (Exception e) {
      vertx.close();
      throw new IOException("cannot serve the studio on " + host + ":" + port + " ("
          + e.getMessage() + "); try --studio-port", e);
    }
  }

  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Closing is best effort at shutdown; the cache below goes either way.
    }
    try (var files = Files.walk(cache)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temp folder left behind is harmless.
    }
  }
}
