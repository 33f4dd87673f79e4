package dev.reelmesh.common.server;

import dev.reelmesh.common.error.Statuses;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Turns an exception that escapes a service method into a precise status instead of grpc-java's
 * default UNKNOWN, using the one mapping in {@link Statuses}. A bug in one call never takes the
 * service down; it answers that call and keeps serving.
 */
final class UncaughtExceptionInterceptor implements ServerInterceptor {
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    return new SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onMessage(Q message) {
        guard(() -> super.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        guard(super::onHalfClose);
      }

      @Override
      public void onReady() {
        guard(super::onReady);
      }

      private void guard(Runnable step) {
        try {
          step.run();
        } catch (RuntimeException | Error e) {
          Status status = Statuses.fromThrowable(e);
          try {
            call.close(status, Statuses.trailersFor(e));
          } catch (IllegalStateException alreadyClosed) {
            // The method closed the call itself before throwing; nothing more to send.
          }
        }
      }
    };
  }
}
