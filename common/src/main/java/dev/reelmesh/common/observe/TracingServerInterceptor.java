package dev.reelmesh.common.observe;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A SERVER span per call, continuing the caller's trace from its {@code traceparent} metadata,
 * current on the threads that run the call's handler callbacks (so spans the handler starts
 * there are its children).
 */
public final class TracingServerInterceptor implements ServerInterceptor {
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Context parent = W3CTraceContextPropagator.getInstance()
        .extract(Context.root(), headers, RpcTracing.GETTER);
    Span span = Tracing.tracer().spanBuilder(call.getMethodDescriptor().getFullMethodName())
        .setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
    RpcTracing.describe(span, call.getMethodDescriptor());
    Context context = parent.with(span);
    AtomicBoolean ended = new AtomicBoolean();
    ServerCall<Q, R> traced = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        if (ended.compareAndSet(false, true)) {
          RpcTracing.finish(span, status);
        }
        super.close(status, trailers);
      }
    };
    ServerCall.Listener<Q> delegate;
    try (Scope ignored = context.makeCurrent()) {
      delegate = next.startCall(traced, headers);
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onMessage(Q message) {
        try (Scope ignored = context.makeCurrent()) {
          super.onMessage(message);
        }
      }

      @Override
      public void onHalfClose() {
        try (Scope ignored = context.makeCurrent()) {
          super.onHalfClose();
        }
      }

      @Override
      public void onCancel() {
        if (ended.compareAndSet(false, true)) {
          RpcTracing.finish(span, Status.CANCELLED.withDescription("the caller cancelled"));
        }
        try (Scope ignored = context.makeCurrent()) {
          super.onCancel();
        }
      }

      @Override
      public void onComplete() {
        try (Scope ignored = context.makeCurrent()) {
          super.onComplete();
        }
      }

      @Override
      public void onReady() {
        try (Scope ignored = context.makeCurrent()) {
          super.onReady();
        }
      }
    };
  }
}
