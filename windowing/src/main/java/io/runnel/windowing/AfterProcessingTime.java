package io.runnel.windowing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires once a given processing time has passed after the first element of the pane arrived:
 * {@code AfterProcessingTime.pastFirstElementInPane().plusDelayOf(Duration.ofMinutes(1))}. Under
 * {@code TestStream} processing time is virtual.
 */
public final class AfterProcessingTime extends Trigger.OnceTrigger {
  private static final long serialVersionUID = 1L;
  private final List<TimestampTransform> transforms;

  private AfterProcessingTime(List<TimestampTransform> transforms) {
    this.transforms = List.copyOf(transforms);
  }

  /** Fires when processing time reaches that of the pane's first element (plus any delay). */
  public static AfterProcessingTime pastFirstElementInPane() {
    return new AfterProcessingTime(List.of());
  }

  /** This trigger, firing {@code delay} later. */
  public AfterProcessingTime plusDelayOf(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("plusDelayOf needs a delay >= 0: " + delay);
    }
    return with(new TimestampTransform.Delay(delay));
  }

  /** This trigger, firing at the next multiple of {@code period} (from the epoch). */
  public AfterProcessingTime alignedTo(Duration period) {
    return alignedTo(period, Instant.EPOCH);
  }

  /** This trigger, firing at the next multiple of {@code period} after {@code offset}. */
  public AfterProcessingTime alignedTo(Duration period, Instant offset) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("alignedTo needs a positive period: " + period);
    }
    return with(new TimestampTransform.AlignTo(period, offset));
  }

  private AfterProcessingTime with(TimestampTransform transform) {
    List<TimestampTransform> more = new ArrayList<>(transforms);
    more.add(transform);
    return new AfterProcessingTime(more);
  }

  /** The steps from the first element's processing time to the firing time, in order. */
  public List<TimestampTransform> getTimestampTransforms() {
    return transforms;
  }

  /** The processing time at which a pane whose first element arrived at {@code firstElement} fires. */
  public Instant fireTime(Instant firstElement) {
    Instant time = firstElement;
    for (TimestampTransform transform : transforms) {
      time = transform.apply(time);
    }
    return time;
  }

  @Override
  public OnceTrigger getContinuationTrigger() {
    return AfterSynchronizedProcessingTime.ofFirstElement();
  }

  @Override
  protected Object parameters() {
    return transforms;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("AfterProcessingTime.pastFirstElementInPane()");
    transforms.forEach(out::append);
    return out.toString();
  }
}
