package dev.reelmesh.common.observe;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.Map;
import java.util.Optional;

/**
 * The process's OpenTelemetry: off (no-op, nothing recorded) unless an OTLP endpoint is
 * configured, then spans go there over OTLP/HTTP in batches. Tests install an SDK with an
 * in-memory exporter instead. One per JVM, like {@link Metrics}: in {@code reelmesh up} every
 * service records into the same one, so a job's trace holds the services' spans too.
 */
public final class Tracing {
  /** reelmesh's own switch; the standard OTel variables work too. */
  public static final String ENDPOINT_VARIABLE = "REELMESH_OTLP_ENDPOINT";

  private static final String SCOPE = "dev.reelmesh";
  private static volatile OpenTelemetry current = OpenTelemetry.noop();
  private static volatile boolean configured;

  private Tracing() {}

  public static OpenTelemetry get() {
    return current;
  }

  public static Tracer tracer() {
    return current.getTracer(SCOPE);
  }

  /**
   * Replaces the process's OpenTelemetry (tests: an SDK with an in-memory exporter) and returns
   * the one it replaced. Later {@link #configure} calls leave it alone.
   */
  public static synchronized OpenTelemetry install(OpenTelemetry telemetry) {
    OpenTelemetry previous = current;
    current = telemetry;
    configured = true;
    return previous;
  }

  /**
   * Sets tracing up from the environment, once per process: an endpoint from
   * {@code REELMESH_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the full URL) or
   * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (a base URL, {@code /v1/traces} appended) turns it on;
   * none leaves it off. {@code OTEL_SERVICE_NAME} overrides {@code serviceName}.
   */
  public static synchronized void configure(String serviceName, Map<String, String> env) {
    if (configured) {
      return;
    }
    configured = true;
    Optional<String> endpoint = endpoint(env);
    if (endpoint.isEmpty()) {
      return;
    }
    String name = Optional.ofNullable(env.get("OTEL_SERVICE_NAME")).filter(s -> !s.isBlank())
        .orElse(serviceName);
    OpenTelemetrySdk sdk = otlp(name, endpoint.get());
    // Spans still in the batch go out before the process ends.
    Runtime.getRuntime().addShutdownHook(new Thread(sdk::close, "reelmesh-otlp-flush"));
    current = sdk;
  }

  /** An SDK that batches spans to the OTLP/HTTP traces URL {@code endpoint}. */
  static OpenTelemetrySdk otlp(String name, String endpoint) {
    SdkTracerProvider tracers = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), name))))
        .addSpanProcessor(BatchSpanProcessor.builder(
            OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build()).build())
        .build();
    return OpenTelemetrySdk.builder().setTracerProvider(tracers)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  /** The OTLP/HTTP traces URL the environment names, if any. */
  public static Optional<String> endpoint(Map<String, String> env) {
    String own = blankToNull(env.get(ENDPOINT_VARIABLE));
    String traces = blankToNull(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
    String base = blankToNull(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
    if ("none".equals(blankToNull(env.get("OTEL_TRACES_EXPORTER")))) {
      return Optional.empty();
    }
    if (own != null) {
      return Optional.of(own.contains("/v1/") ? own : stripSlash(own) + "/v1/traces");
    }
    if (traces != null) {
      return Optional.of(traces);
    }
    return base == null ? Optional.empty() : Optional.of(stripSlash(base) + "/v1/traces");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
