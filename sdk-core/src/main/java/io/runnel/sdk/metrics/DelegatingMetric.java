package io.runnel.sdk.metrics;

import java.io.Serializable;
import java.util.Objects;

/**
 * A metric handle that forwards each update to its cell in the calling thread's current {@link
 * MetricsContainer}. Serializable, so it can be a {@code DoFn} field, and thread-safe: the cell
 * of the last container seen is cached in an immutable binding, published through a final field;
 * a thread that reads another thread's binding sees a different container and looks its own up.
 *
 * @param <M> the cell type
 */
abstract class DelegatingMetric<M extends Metric> implements Metric, Serializable {
  private static final long serialVersionUID = 1L;

  private final MetricName name;
  private transient Binding<M> binding;

  private record Binding<M>(MetricsContainer container, M cell) {}

  DelegatingMetric(MetricName name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public final MetricName getName() {
    return name;
  }

  /** The cell to update on the calling thread, or null to drop the update. */
  final M cell() {
    MetricsContainer container = MetricsEnvironment.containerFor(name);
    if (container == null) {
      return null;
    }
    Binding<M> last = binding;
    if (last != null && last.container() == container) {
      return last.cell();
    }
    M cell = cellIn(container, name);
    binding = new Binding<>(container, cell);
    return cell;
  }

  /** Looks the cell of {@code name} up in {@code container}. */
  abstract M cellIn(MetricsContainer container, MetricName name);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + name + "}";
  }
}
