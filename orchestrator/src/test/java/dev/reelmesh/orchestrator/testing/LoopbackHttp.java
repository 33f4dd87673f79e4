package dev.reelmesh.orchestrator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/** A JDK HTTP server on a free loopback port, for the fake provider servers. */
final class LoopbackHttp {
  private LoopbackHttp() {}

  interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  /** A bug in a fake is answered as a 500 with {@code onBug}, so the test sees it. */
  interface BugReply {
    void send(HttpExchange exchange, RuntimeException bug) throws IOException;
  }

  static HttpServer start(ExecutorService handlers, Handler handler, BugReply onBug)
      throws IOException {
    HttpServer http = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", exchange -> {
      try {
        handler.handle(exchange);
      } catch (RuntimeException e) {
        onBug.send(exchange, e);
      }
    });
    http.setExecutor(handlers);
    http.start();
    return http;
  }
}
