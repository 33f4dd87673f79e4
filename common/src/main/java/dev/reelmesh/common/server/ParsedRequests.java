package dev.reelmesh.common.server;

import io.grpc.KnownLength;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.Attributes;
import io.grpc.SecurityLevel;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebinds every method of a service so that a request that cannot be parsed (malformed protobuf,
 * invalid UTF-8 in a string field) answers {@code INVALID_ARGUMENT}, and one larger than its
 * method's {@link MessageLimits limit} answers {@code RESOURCE_EXHAUSTED}, both naming the method.
 *
 * <p>grpc-java parses a request before any interceptor sees it, and a marshaller that throws
 * makes the server answer {@code UNKNOWN: Application error processing RPC}. So the marshaller
 * here never throws: it returns a {@link Parsed} holding the message or the refusal, and the
 * handler in front of the service's own one answers a refusal and passes a message on.
 */
final class ParsedRequests {
  private ParsedRequests() {}

  /** A request as parsed: exactly one of the two is set. */
  record Parsed<Q>(Q message, Status refusal) {}

  static ServerServiceDefinition rebind(ServerServiceDefinition service) {
    ServiceDescriptor descriptor = service.getServiceDescriptor();
    List<ServerMethodDefinition<?, ?>> rebound = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      rebound.add(guard(method));
    }
    return AliasedRequests.withMethods(descriptor, rebound);
  }

  private static <Q, R> ServerMethodDefinition<Parsed<Q>, R> guard(
      ServerMethodDefinition<Q, R> method) {
    MethodDescriptor<Q, R> original = method.getMethodDescriptor();
    MethodDescriptor<Parsed<Q>, R> guarded = original.toBuilder(
        new GuardedMarshaller<>(original.getRequestMarshaller(), original.getFullMethodName()),
        original.getResponseMarshaller()).build();
    ServerCallHandler<Q, R> inner = method.getServerCallHandler();
    return ServerMethodDefinition.create(guarded, (call, headers) -> {
      View<Q, R> view = new View<>(call, original);
      return new Listener<>(view, inner.startCall(view, headers));
    });
  }

  /** Parses with the method's own marshaller; a failure becomes a refusal, never a throw. */
  private record GuardedMarshaller<Q>(Marshaller<Q> standard, String method)
      implements Marshaller<Parsed<Q>> {
    @Override
    public InputStream stream(Parsed<Q> value) {
      return standard.stream(value.message());
    }

    @Override
    public Parsed<Q> parse(InputStream stream) {
      int limit = MessageLimits.forMethod(method);
      try {
        if (stream instanceof KnownLength && stream.available() > limit) {
          return new Parsed<>(null, Status.RESOURCE_EXHAUSTED.withDescription(method
              + ": the request is " + stream.available() + " bytes; at most " + limit
              + " are accepted"));
        }
        return new Parsed<>(standard.parse(stream), null);
      } catch (IOException | RuntimeException e) {
        return malformed(e);
      }
    }

    private Parsed<Q> malformed(Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return new Parsed<>(null, Status.INVALID_ARGUMENT.withDescription(method
          + ": the request is not a valid " + method.substring(method.indexOf('/') + 1)
          + " message (" + cause.getMessage() + ")").withCause(cause));
    }
  }

  /**
   * The service's handler sees its own method descriptor and request type. Once a request was
   * refused the call is closed; what the handler still sends is dropped, not thrown back at it.
   */
  private static final class View<Q, R> extends ServerCall<Q, R> {
    private final ServerCall<Parsed<Q>, R> call;
    private final MethodDescriptor<Q, R> descriptor;
    private volatile boolean refused;

    View(ServerCall<Parsed<Q>, R> call, MethodDescriptor<Q, R> descriptor) {
      this.call = call;
      this.descriptor = descriptor;
    }

    @Override
    public void request(int numMessages) {
      call.request(numMessages);
    }

    @Override
    public void sendHeaders(Metadata headers) {
      call.sendHeaders(headers);
    }

    @Override
    public boolean isReady() {
      return call.isReady();
    }

    @Override
    public boolean isCancelled() {
      return call.isCancelled();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
      call.setMessageCompression(enabled);
    }

    @Override
    public void setCompression(String compressor) {
      call.setCompression(compressor);
    }

    @Override
    public void setOnReadyThreshold(int numBytes) {
      call.setOnReadyThreshold(numBytes);
    }

    @Override
    public SecurityLevel getSecurityLevel() {
      return call.getSecurityLevel();
    }

    @Override
    public Attributes getAttributes() {
      return call.getAttributes();
    }

    @Override
    public String getAuthority() {
      return call.getAuthority();
    }

    @Override
    public void sendMessage(R message) {
      if (!refused) {
        call.sendMessage(message);
      }
    }

    @Override
    public void close(Status status, Metadata trailers) {
      if (!refused) {
        call.close(status, trailers);
      }
    }

    @Override
    public MethodDescriptor<Q, R> getMethodDescriptor() {
      return descriptor;
    }

    void refuse(Status refusal) {
      refused = true;
      call.close(refusal, new Metadata());
    }
  }

  /**
   * Answers a refusal, then tells the handler the call is over (onCancel, so a client stream
   * such as an upload cleans up what it started); passes messages and the rest on.
   */
  private static final class Listener<Q, R> extends ServerCall.Listener<Parsed<Q>> {
    private final View<Q, R> view;
    private final ServerCall.Listener<Q> delegate;
    private boolean refused; // listener callbacks are serialized by grpc

    Listener(View<Q, R> view, ServerCall.Listener<Q> delegate) {
      this.view = view;
      this.delegate = delegate;
    }

    @Override
    public void onMessage(Parsed<Q> parsed) {
      if (refused) {
        return;
      }
      if (parsed.refusal() != null) {
        refused = true;
        view.refuse(parsed.refusal());
        delegate.onCancel();
        return;
      }
      delegate.onMessage(parsed.message());
    }

    @Override
    public void onHalfClose() {
      if (!refused) {
        delegate.onHalfClose();
      }
    }

    @Override
    public void onCancel() {
      if (!refused) {
        delegate.onCancel();
      }
    }

    @Override
    public void onComplete() {
      if (!refused) {
        delegate.onComplete();
      }
    }

    @Override
    public void onReady() {
      if (!refused) {
        delegate.onReady();
      }
    }
  }
}
