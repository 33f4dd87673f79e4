package dev.reelmesh.common.observe;

import io.grpc.ClientInterceptor;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingClientInterceptor;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import java.util.List;

/**
 * What every server and channel of the mesh records about its calls: counts, latencies and
 * status codes per method (Micrometer's gRPC meters: {@code grpc_server_processing_duration_*},
 * {@code grpc_server_requests_received_total}, {@code grpc_server_responses_sent_total} and
 * their {@code grpc_client_*} twins, tagged service, method, methodType, statusCode) and a span
 * per call; and the job the call works for, so the serving side's log lines name it.
 */
public final class RpcObservation {
  private static final ServerInterceptor SERVER_METRICS =
      new MetricCollectingServerInterceptor(Metrics.registry());
  private static final ClientInterceptor CLIENT_METRICS =
      new MetricCollectingClientInterceptor(Metrics.registry());
  private static final ServerInterceptor SERVER_TRACING = new TracingServerInterceptor();
  private static final ClientInterceptor CLIENT_TRACING = RpcTracing.client();
  private static final ServerInterceptor SERVER_JOB_IDS = JobIds.server();
  private static final ClientInterceptor CLIENT_JOB_IDS = JobIds.client();

  private RpcObservation() {}

  /**
   * For {@code ServerInterceptors.intercept}, which calls the last one first: metrics
   * outermost, so refused calls (no token, bad request) are counted with their status too.
   */
  public static List<ServerInterceptor> server() {
    return List.of(SERVER_JOB_IDS, SERVER_TRACING, SERVER_METRICS);
  }

  public static List<ClientInterceptor> client() {
    return List.of(CLIENT_JOB_IDS, CLIENT_TRACING, CLIENT_METRICS);
  }
}
