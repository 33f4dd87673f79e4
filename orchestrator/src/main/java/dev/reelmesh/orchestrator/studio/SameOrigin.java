package dev.reelmesh.orchestrator.studio;

import io.grpc.Status;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/**
 * The API answers the studio's own pages only. Another page (another site, or another port of
 * this host: SameSite counts no ports) can still make a browser send a form POST, a no-cors
 * fetch or a WebSocket to the studio, with the studio's cookie on it; without authentication it
 * needs no cookie at all, and the studio acts as the mesh's one local user. A browser always says
 * which page asked, in Origin: a request that changes state (anything but GET and HEAD) or opens
 * the chat's WebSocket (a GET) is refused when its Origin is not the studio's own address (the
 * Host it was sent to, or X-Forwarded-Host behind a proxy, which a page cannot set). Requests
 * without Origin are not a browser's (the CLI, curl) and carry their own token.
 */
final class SameOrigin {
  private SameOrigin() {}

  static void check(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    boolean reads = (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)
        && !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    String origin = request.getHeader("Origin");
    // Host, or HTTP/2's :authority.
    HostAndPort self = request.authority();
    String forwarded = request.getHeader("X-Forwarded-Host");
    if (reads || origin == null || names(origin, self) || (forwarded != null
        && names(origin, HostAndPort.parseAuthority(forwarded.split(",")[0].strip(), -1)))) {
      ctx.next();
      return;
    }
    GrpcHttp.fail(ctx, Status.PERMISSION_DENIED.withDescription("origin: '" + origin + "' is "
        + "not this studio ('" + (self == null ? "" : self.host() + ":" + self.port())
        + "'): its API answers only the studio's own pages").asRuntimeException());
  }

  /** Whether {@code origin} ("http://host:port") is of {@code authority}. */
  private static boolean names(String origin, HostAndPort authority) {
    if (authority == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      return uri.getHost() != null && bare(uri.getHost()).equalsIgnoreCase(bare(authority.host()))
          && uri.getPort() == authority.port();
    } catch (IllegalArgumentException e) {
      return false; // "null" (a sandboxed page) and anything else unreadable
    }
  }

  /** An IPv6 host without its brackets. */
  static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
        : host;
  }
}
