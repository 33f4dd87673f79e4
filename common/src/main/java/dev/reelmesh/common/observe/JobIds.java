package dev.reelmesh.common.observe;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The job a call works for, carried across the mesh so the leaf services' log lines name it too:
 * a caller whose thread has a job id in its MDC (the orchestrator's job threads) sends it as
 * {@code reelmesh-job-id} metadata; the serving side puts it in the call's gRPC Context, and
 * {@link #mdc()} into the MDC of the thread that does the work.
 */
public final class JobIds {
  /** The MDC key the log pattern prints ({@code job=...}). */
  public static final String MDC_KEY = "job";

  static final Metadata.Key<String> HEADER =
      Metadata.Key.of("reelmesh-job-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> KEY = Context.key("reelmesh-job-id");
  /** A job id is a plain name; anything else a caller sends is not logged. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private JobIds() {}

  /** Restores the MDC as it was. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** The job id of the current call (if any) in this thread's MDC until closed. */
  public static Scope mdc() {
    String job = KEY.get();
    if (job == null) {
      return () -> { };
    }
    String outer = MDC.get(MDC_KEY);
    MDC.put(MDC_KEY, job);
    return () -> {
      if (outer == null) {
        MDC.remove(MDC_KEY);
      } else {
        MDC.put(MDC_KEY, outer);
      }
    };
  }

  static ClientInterceptor client() {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method,
          CallOptions options, Channel next) {
        String job = MDC.get(MDC_KEY);
        if (job == null) {
          job = KEY.get(); // a leaf calling on, from a worker without the MDC
        }
        if (job == null) {
          return next.newCall(method, options);
        }
        String sent = job;
        return new ForwardingClientCall.SimpleForwardingClientCall<>(
            next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            headers.put(HEADER, sent);
            super.start(listener, headers);
          }
        };
      }
    };
  }

  static ServerInterceptor server() {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        String job = headers.get(HEADER);
        if (job == null || !PLAIN.matcher(job).matches()) {
          return next.startCall(call, headers);
        }
        return Contexts.interceptCall(Context.current().withValue(KEY, job), call, headers,
            next);
      }
    };
  }
}
