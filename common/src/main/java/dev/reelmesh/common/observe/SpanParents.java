package dev.reelmesh.common.observe;

import java.util.function.Supplier;

/**
 * Where a span starts when the thread has no current span: a job's run puts its own supplier
 * (the stage it is in) into the gRPC Context, which travels to every thread the run's work moves
 * to, where OpenTelemetry's thread-local context does not.
 */
public final class SpanParents {
  public static final io.grpc.Context.Key<Supplier<io.opentelemetry.context.Context>> KEY =
      io.grpc.Context.key("reelmesh-span-parent");

  private SpanParents() {}

  /** The thread's current span's context when it has one, else the run's, else the root. */
  public static io.opentelemetry.context.Context current() {
    io.opentelemetry.context.Context otel = io.opentelemetry.context.Context.current();
    if (io.opentelemetry.api.trace.Span.fromContext(otel).getSpanContext().isValid()) {
      return otel;
    }
    Supplier<io.opentelemetry.context.Context> run = KEY.get();
    io.opentelemetry.context.Context parent = run == null ? null : run.get();
    return parent != null ? parent : otel;
  }
}
