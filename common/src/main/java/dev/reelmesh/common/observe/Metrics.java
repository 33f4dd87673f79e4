package dev.reelmesh.common.observe;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's one metrics registry, read as Prometheus text. One per JVM on purpose: in
 * {@code reelmesh up} the four services share it, so one scrape of the orchestrator's
 * {@code /metrics} shows the whole mesh; a service in its own process has its own.
 */
public final class Metrics {
  /** What a scrape answers with: the Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final PrometheusMeterRegistry REGISTRY = create();

  private Metrics() {}

  public static PrometheusMeterRegistry registry() {
    return REGISTRY;
  }

  /** Every meter, in the Prometheus text format. */
  public static String scrape() {
    return REGISTRY.scrape();
  }

  @SuppressWarnings("resource") // the GC listener lives as long as the process
  private static PrometheusMeterRegistry create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }
}
