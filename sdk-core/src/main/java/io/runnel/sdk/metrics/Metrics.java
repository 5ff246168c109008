package io.runnel.sdk.metrics;

/**
 * Creates the metrics pipeline code reports: {@link Counter}s, {@link Distribution}s and {@link
 * Gauge}s, each identified by a namespace and a name and kept per step (the transform reporting
 * it). Query them after (or during) a run with {@code PipelineResult.metrics()}.
 *
 * <pre>{@code
 * class ExtractWordsFn extends DoFn<String, String> {
 *   private final Counter emptyLines = Metrics.counter(ExtractWordsFn.class, "emptyLines");
 *   private final Distribution lineLengths = Metrics.distribution(ExtractWordsFn.class, "lineLength");
 *
 *   @ProcessElement
 *   public void processElement(@Element String line, OutputReceiver<String> out) {
 *     lineLengths.update(line.length());
 *     if (line.isBlank()) {
 *       emptyLines.inc();
 *     }
 *     ...
 *   }
 * }
 * }</pre>
 *
 * The returned objects are cheap, serializable handles that may be kept in {@code DoFn} fields
 * (or static fields) and used from any thread; an update goes to the step the runner is executing
 * on the calling thread, and is dropped if it executes none (see {@link MetricsEnvironment}).
 * Creating a handle registers nothing: a metric appears in the results once it is updated.
 */
public final class Metrics {
  private Metrics() {}

  /** The counter {@code name} in the namespace of {@code namespace}'s fully qualified name. */
  public static Counter counter(Class<?> namespace, String name) {
    return new DelegatingCounter(MetricName.named(namespace, name));
  }

  /** The counter {@code name} in {@code namespace}. */
  public static Counter counter(String namespace, String name) {
    return new DelegatingCounter(MetricName.named(namespace, name));
  }

  /** The distribution {@code name} in the namespace of {@code namespace}'s fully qualified name. */
  public static Distribution distribution(Class<?> namespace, String name) {
    return new DelegatingDistribution(MetricName.named(namespace, name));
  }

  /** The distribution {@code name} in {@code namespace}. */
  public static Distribution distribution(String namespace, String name) {
    return new DelegatingDistribution(MetricName.named(namespace, name));
  }

  /** The gauge {@code name} in the namespace of {@code namespace}'s fully qualified name. */
  public static Gauge gauge(Class<?> namespace, String name) {
    return new DelegatingGauge(MetricName.named(namespace, name));
  }

  /** The gauge {@code name} in {@code namespace}. */
  public static Gauge gauge(String namespace, String name) {
    return new DelegatingGauge(MetricName.named(namespace, name));
  }
}
