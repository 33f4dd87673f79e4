package dev.reelmesh.common.observe;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Trace context across the mesh: the client side starts a CLIENT span per call and carries it
 * in the call's metadata as W3C {@code traceparent}; the server side ({@link
 * TracingServerInterceptor}) continues it. When tracing is off every span is a no-op and nothing
 * is sent.
 */
public final class RpcTracing {
  static final TextMapSetter<Metadata> SETTER = (headers, key, value) ->
      headers.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);

  static final TextMapGetter<Metadata> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Metadata headers) {
      return headers.keys();
    }

    @Override
    public String get(Metadata headers, String key) {
      return headers == null ? null
          : headers.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
    }
  };

  private RpcTracing() {}

  /** Span attributes of a call, as OpenTelemetry's RPC conventions name them. */
  static void describe(Span span, MethodDescriptor<?, ?> method) {
    span.setAttribute("rpc.system", "grpc");
    String service = method.getServiceName();
    if (service != null) {
      span.setAttribute("rpc.service", service);
    }
    span.setAttribute("rpc.method", method.getBareMethodName());
  }

  static void finish(Span span, Status status) {
    span.setAttribute("rpc.grpc.status_code", status.getCode().value());
    if (!status.isOk()) {
      span.setStatus(StatusCode.ERROR, status.getCode() + (status.getDescription() == null
          ? "" : ": " + status.getDescription()));
    }
    span.end();
  }

  public static ClientInterceptor client() {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method,
          CallOptions options, Channel next) {
        Span span = Tracing.tracer().spanBuilder(method.getFullMethodName())
            .setParent(SpanParents.current()).setSpanKind(SpanKind.CLIENT).startSpan();
        describe(span, method);
        return new ForwardingClientCall.SimpleForwardingClientCall<>(
            next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            W3CTraceContextPropagator.getInstance().inject(
                io.opentelemetry.context.Context.root().with(span), headers, SETTER);
            super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(
                listener) {
              @Override
              public void onClose(Status status, Metadata trailers) {
                finish(span, status);
                super.onClose(status, trailers);
              }
            }, headers);
          }
        };
      }
    };
  }
}
