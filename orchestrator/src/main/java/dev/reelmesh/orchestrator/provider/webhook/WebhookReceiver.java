package dev.reelmesh.orchestrator.provider.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.common.observe.Metrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completion callbacks from fal ({@code POST /webhooks/fal}) and Replicate
 * ({@code POST /webhooks/replicate}) on a port of their own: each is verified (signature and
 * replay window) before it wakes the poller of its provider job; a refused one answers 400 or
 * 401 and wakes nothing. The callback's content is not trusted for anything else: the poller
 * reads the job's state from the provider itself.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long MAX_BODY_BYTES = 4 * 1024 * 1024;
  static final String CALLBACKS = "reelmesh.webhook.callbacks";
  private final Vertx vertx;
  private final HttpServer server;

  private WebhookReceiver(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  /** Listens as {@code hooks.settings()} say; null when webhooks are off (no port set). */
  public static WebhookReceiver start(Webhooks hooks, Clock clock) throws IOException {
    WebhookSettings settings = hooks.settings();
    if (settings.port().isEmpty()) {
      return null;
    }
    ReplicateSignature replicate = settings.replicateSecret()
        .map(s -> new ReplicateSignature(s, clock)).orElse(null);
    FalSignature fal = new FalSignature(new FalKeys(settings.falJwks(), clock), clock);
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route("/webhooks/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.post("/webhooks/replicate").handler(ctx -> receive(ctx, "replicate", "id",
        (headers, body) -> {
          if (replicate == null) {
            throw WebhookRefused.forged(WebhookSettings.REPLICATE_SECRET_VARIABLE
                + " is not set: Replicate callbacks cannot be verified");
          }
          replicate.verify(headers, body);
        }, hooks.wakeups()));
    router.post("/webhooks/fal").handler(ctx -> receive(ctx, "fal", "request_id", fal::verify,
        hooks.wakeups()));
    try {
      HttpServer server = vertx.createHttpServer().requestHandler(router)
          .listen(settings.port().get(), settings.host()).await(30, TimeUnit.SECONDS);
      return new WebhookReceiver(vertx, server);
    } catch (Exception e) {
      vertx.close();
      throw new IOException("cannot take webhooks on " + settings.host() + ":"
          + settings.port().get() + " (" + e.getMessage() + "); set "
          + WebhookSettings.PORT_VARIABLE + " to a free port", e);
    }
  }

  interface Check {
    void verify(Map<String, String> headers, byte[] body) throws WebhookRefused;
  }

  private static void receive(RoutingContext ctx, String provider, String idField, Check check,
      Wakeups wakeups) {
    Map<String, String> headers = new HashMap<>();
    ctx.request().headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT),
        h.getValue()));
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    // Verifying fal's may fetch its keys (a blocking HTTP call): a worker, not the event loop.
    ctx.vertx().<String>executeBlocking(() -> {
      check.verify(headers, body);
      JsonNode json = JSON.readTree(body);
      String id = json.path(idField).asText("");
      if (id.isEmpty()) {
        throw WebhookRefused.malformed("the body has no " + idField);
      }
      return id;
    }, false).onComplete(done -> {
      if (done.succeeded()) {
        wakeups.wake(provider, done.result());
        count(provider, "accepted");
        ctx.response().setStatusCode(204).end();
        return;
      }
      Throwable e = done.cause();
      int status = e instanceof WebhookRefused r ? r.httpStatus() : 400;
      count(provider, status == 401 ? "forged" : "malformed");
      LOG.warn("refused a {} webhook ({}): {}", provider, status, e.getMessage());
      ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain")
          .end(e instanceof WebhookRefused ? e.getMessage() : "the body is not JSON");
    });
  }

  /**
   * {@code reelmesh_webhook_callbacks_total{provider, outcome}}: accepted, malformed (400) or
   * forged (401), so refused callbacks (an attack, a wrong secret, a clock off) show on a scrape.
   */
  static void count(String provider, String outcome) {
    Counter.builder(CALLBACKS).description("Provider completion callbacks, by outcome")
        .tag("provider", provider).tag("outcome", outcome).register(Metrics.registry())
        .increment();
  }

  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Best effort at shutdown: the port goes with the process either way.
    }
  }
}
