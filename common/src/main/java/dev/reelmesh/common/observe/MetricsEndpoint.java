package dev.reelmesh.common.observe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} in Prometheus text on its own port, for a service running as its own
 * process (the orchestrator serves the same text on its studio's web server instead). The JDK's
 * HTTP server is enough for one scrape every few seconds; it answers on one daemon thread.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private final HttpServer server;

  private MetricsEndpoint(HttpServer server) {
    this.server = server;
  }

  /**
   * Serves {@link Metrics#scrape()} on {@code host:port} (0 = any free port); a scrape without
   * the {@code token} (when one is required) is answered 401.
   */
  public static MetricsEndpoint start(String host, int port, MetricsToken token)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new IOException("cannot serve metrics on " + host + ":" + port + " ("
          + e.getMessage() + "); choose another --metrics-port", e);
    }
    server.createContext("/metrics", exchange -> answer(exchange, token));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "reelmesh-metrics");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return new MetricsEndpoint(server);
  }

  private static void answer(HttpExchange exchange, MetricsToken token) throws IOException {
    try (exchange) {
      if (!token.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", MetricsToken.CHALLENGE);
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = Metrics.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", Metrics.CONTENT_TYPE);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
