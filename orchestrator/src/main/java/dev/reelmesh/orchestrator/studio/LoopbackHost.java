package dev.reelmesh.orchestrator.studio;

import com.google.common.net.InetAddresses;
import io.grpc.Status;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * A studio listening on a loopback address answers requests sent to a loopback name only. A
 * web page can re-point its own DNS name at 127.0.0.1 (DNS rebinding): the browser then treats
 * the studio as that page's own origin, so same-origin rules and the Origin check no longer
 * stand in its way, and without authentication the studio acts as the local user. Such a
 * request still names the page's host in Host, which is refused here before any route reads or
 * changes anything. The name is read as text, never resolved.
 */
final class LoopbackHost {
  private LoopbackHost() {}

  /** Whether the studio listens on loopback only (so only loopback names can be meant). */
  static boolean guards(String bindHost) {
    return isLoopback(bindHost);
  }

  static void check(RoutingContext ctx) {
    HostAndPort authority = ctx.request().authority();
    if (authority != null && isLoopback(authority.host())) {
      ctx.next();
      return;
    }
    String named = authority == null ? "" : authority.host();
    GrpcHttp.fail(ctx, Status.PERMISSION_DENIED.withDescription("host: '" + named + "' is not "
        + "a loopback name; this studio listens on loopback and answers localhost, 127.0.0.1 "
        + "or [::1] only").asRuntimeException());
  }

  static boolean isLoopback(String host) {
    String bare = SameOrigin.bare(host);
    String name = bare.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true; // RFC 6761: always loopback
    }
    return InetAddresses.isInetAddress(bare) && InetAddresses.forString(bare).isLoopbackAddress();
  }
}
