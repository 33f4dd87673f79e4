package dev.reelmesh.orchestrator.studio;

import dev.reelmesh.common.auth.AuthInterceptor;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.PipelineServiceGrpc;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The browser's bearer token, passed on with every call the studio makes for it, so the
 * pipeline's own interceptor checks it and its tenant rules apply, exactly as for a gRPC
 * client. The token comes from the request's {@code Authorization: Bearer} header, or from the
 * HttpOnly cookie that {@code POST /api/session} sets from the page's token form. The studio
 * checks nothing itself and never lends a token of its own.
 */
final class BrowserToken {
  static final String COOKIE = "reelmesh_token";
  private static final String BEARER = "Bearer ";

  private BrowserToken() {}

  /** The request's token: its Authorization header, else its cookie. */
  static Optional<String> of(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.of(header.substring(BEARER.length()).strip()).filter(t -> !t.isEmpty());
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null || cookie.getValue().isBlank() ? Optional.empty()
        : Optional.of(cookie.getValue());
  }

  /** {@code stub} sending the request's token (none: the pipeline decides, e.g. loopback). */
  static <S extends AbstractStub<S>> S on(S stub, RoutingContext ctx) {
    Optional<String> token = of(ctx);
    if (token.isEmpty()) {
      return stub;
    }
    if (token.get().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw Status.UNAUTHENTICATED.withDescription("authorization: a token is one line of "
          + "printable ASCII").asRuntimeException();
    }
    Metadata headers = new Metadata();
    headers.put(AuthInterceptor.AUTHORIZATION, BEARER + token.get());
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  /**
   * {@code POST /api/session {"token": "…"}}: the token is tried on the pipeline (GetBudget, which
   * every submitter may call) and, when it is accepted, kept in an HttpOnly, SameSite=Strict
   * cookie; {@code DELETE /api/session} forgets it.
   */
  static void mount(Router router, Channel pipeline) {
    PipelineServiceGrpc.PipelineServiceFutureStub stub = PipelineServiceGrpc.newFutureStub(
        pipeline);
    router.post("/api/session").handler(ctx -> {
      String token;
      try {
        token = new JsonObject(ctx.body().asString()).getString("token", "").strip();
      } catch (RuntimeException e) {
        GrpcHttp.fail(ctx, Status.INVALID_ARGUMENT.withDescription("the body is not "
            + "{\"token\": \"…\"}").asRuntimeException());
        return;
      }
      if (token.isEmpty() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        GrpcHttp.fail(ctx, Status.INVALID_ARGUMENT.withDescription("token: paste the bearer "
            + "token (`reelmesh token`), one line of printable ASCII").asRuntimeException());
        return;
      }
      Metadata headers = new Metadata();
      headers.put(AuthInterceptor.AUTHORIZATION, BEARER + token);
      GrpcHttp.reply(ctx, stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
          headers)).getBudget(GetBudgetRequest.getDefaultInstance()), budget -> ctx.response()
          .addCookie(Cookie.cookie(COOKIE, token).setHttpOnly(true).setPath("/")
              .setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL())));
    });
    router.delete("/api/session").handler(ctx -> {
      ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
      GrpcHttp.json(ctx, 200, "{}");
    });
  }
}
