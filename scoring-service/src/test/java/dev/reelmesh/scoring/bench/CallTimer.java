package dev.reelmesh.scoring.bench;

import io.grpc.BindableService;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits each call of a sequential caller into three parts, from timestamps taken in one JVM:
 * until the server has the parsed request, server work (request to response), and until the
 * caller has the response. It shows where a loopback call's time goes beyond the work itself.
 */
final class CallTimer implements ServerInterceptor {
  private volatile long requestAt;
  private volatile long responseAt;
  private volatile Split current;

  /** Medians of one path's calls, across every run measured into it. */
  static final class Split {
    final List<Double> in = new ArrayList<>();
    final List<Double> work = new ArrayList<>();
    final List<Double> out = new ArrayList<>();

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "request in %.1f, work %.1f, response out %.1f",
          median(in), median(work), median(out));
    }

    private static double median(List<Double> values) {
      return values.isEmpty() ? Double.NaN : values.stream().sorted().toList().get(values.size() / 2);
    }
  }

  BindableService around(BindableService service) {
    return () -> ServerInterceptors.intercept(service, this);
  }

  /** Runs {@code run}, with every call it makes on this timer's server recorded into {@code split}. */
  double measure(Split split, ScoringBenchmark.Run run) throws Exception {
    current = split;
    try {
      return run.imagesPerSecond();
    } finally {
      current = null;
    }
  }

  /** Called by the caller right before and right after each blocking call. */
  void record(long sentAt, long receivedAt) {
    Split split = current;
    if (split != null && requestAt >= sentAt && responseAt >= requestAt) {
      split.in.add((requestAt - sentAt) / 1e6);
      split.work.add((responseAt - requestAt) / 1e6);
      split.out.add((receivedAt - responseAt) / 1e6);
    }
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    ServerCall<Q, R> timed = new SimpleForwardingServerCall<>(call) {
      @Override
      public void sendMessage(R message) {
        responseAt = System.nanoTime();
        super.sendMessage(message);
      }
    };
    return new SimpleForwardingServerCallListener<>(next.startCall(timed, headers)) {
      @Override
      public void onMessage(Q message) {
        requestAt = System.nanoTime();
        super.onMessage(message);
      }
    };
  }
}
