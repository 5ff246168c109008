package io.runnel.testing.conformance;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.TestStream;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.DefaultTrigger;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.Sessions;
import io.runnel.windowing.SlidingWindows;
import io.runnel.windowing.Trigger;
import io.runnel.windowing.WindowFn;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * One randomly generated case of {@link WindowingPropertyTest}: a {@link TestStream} script of
 * {@code KV<String, Long>} elements, watermark advances and processing-time advances, and the
 * windowing (window function, allowed lateness, a never-finishing trigger, accumulating mode)
 * applied to it. The same seed always gives the same case; {@link #toString()} prints all of it.
 *
 * <p>Event times are whole seconds from the epoch and watermarks whole seconds or one millisecond
 * before, so elements, watermarks, window ends and max timestamps often coincide exactly, which is
 * where off-by-one errors in lateness and merging hide.
 */
record WindowingCase(long seed, Shape shape, TriggerChoice trigger, Duration allowedLateness,
    List<Step> script) {

  /** A window function, described independently of the SDK's implementation of it. */
  sealed interface Shape {
    WindowFn<Object, ?> windowFn();

    /** Whether windows merge (sessions); the windows of {@link #assign} are then proto-windows. */
    boolean merges();

    /** The windows an element at {@code millis} is assigned to, as {@code [start, end)} millis. */
    List<Interval> assign(long millis);
  }

  /** Tumbling windows of {@code size} seconds. */
  record Fixed(long size) implements Shape {
    @Override
    public WindowFn<Object, ?> windowFn() {
      return FixedWindows.of(Duration.ofSeconds(size));
    }

    @Override
    public boolean merges() {
      return false;
    }

    @Override
    public List<Interval> assign(long millis) {
      long start = Math.floorDiv(millis, size * 1000) * size * 1000;
      return List.of(new Interval(start, start + size * 1000));
    }

    @Override
    public String toString() {
      return "FixedWindows.of(" + size + "s)";
    }
  }

  /** Sliding windows of {@code size} seconds every {@code period} seconds; size is a multiple. */
  record Sliding(long size, long period) implements Shape {
    @Override
    public WindowFn<Object, ?> windowFn() {
      return SlidingWindows.of(Duration.ofSeconds(size)).every(Duration.ofSeconds(period));
    }

    @Override
    public boolean merges() {
      return false;
    }

    @Override
    public List<Interval> assign(long millis) {
      List<Interval> windows = new ArrayList<>();
      long lastStart = Math.floorDiv(millis, period * 1000) * period * 1000;
      for (long start = lastStart; start > millis - size * 1000; start -= period * 1000) {
        windows.add(new Interval(start, start + size * 1000));
      }
      return windows;
    }

    @Override
    public String toString() {
      return "SlidingWindows.of(" + size + "s).every(" + period + "s)";
    }
  }

  /** Sessions with a gap of {@code gap} seconds. */
  record SessionGap(long gap) implements Shape {
    @Override
    public WindowFn<Object, ?> windowFn() {
      return Sessions.withGapDuration(Duration.ofSeconds(gap));
    }

    @Override
    public boolean merges() {
      return true;
    }

    @Override
    public List<Interval> assign(long millis) {
      return List.of(new Interval(millis, millis + gap * 1000));
    }

    @Override
    public String toString() {
      return "Sessions.withGapDuration(" + gap + "s)";
    }
  }

  /** A half-open interval {@code [start, end)} of epoch millis: a window, as the oracle sees it. */
  record Interval(long start, long end) implements Serializable {
    private static final long serialVersionUID = 1L;

    long maxTimestamp() {
      return end - 1;
    }

    /** Whether the intervals share an instant (touching intervals do not). */
    boolean overlaps(Interval other) {
      return start < other.end && other.start < end;
    }

    Interval span(Interval other) {
      return new Interval(Math.min(start, other.start), Math.max(end, other.end));
    }

    boolean contains(Interval other) {
      return start <= other.start && other.end <= end;
    }
  }

  /** The triggers of the property: none of them ever finishes, so no data is closed out. */
  enum TriggerKind { DEFAULT, LATE_FIRINGS, EARLY_AND_LATE_FIRINGS, EVERY_K_ELEMENTS }

  /** A trigger of {@code kind}; {@code earlyDelay} (seconds) and {@code k} where they apply. */
  record TriggerChoice(TriggerKind kind, long earlyDelay, int k) {
    Trigger trigger() {
      return switch (kind) {
        case DEFAULT -> DefaultTrigger.of();
        case LATE_FIRINGS -> AfterWatermark.pastEndOfWindow()
            .withLateFirings(AfterPane.elementCountAtLeast(1));
        case EARLY_AND_LATE_FIRINGS -> AfterWatermark.pastEndOfWindow()
            .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane()
                .plusDelayOf(Duration.ofSeconds(earlyDelay)))
            .withLateFirings(AfterPane.elementCountAtLeast(1));
        case EVERY_K_ELEMENTS -> Repeatedly.forever(AfterPane.elementCountAtLeast(k));
      };
    }

    @Override
    public String toString() {
      return switch (kind) {
        case DEFAULT -> "DefaultTrigger.of()";
        case LATE_FIRINGS -> "AfterWatermark.pastEndOfWindow()"
            + ".withLateFirings(AfterPane.elementCountAtLeast(1))";
        case EARLY_AND_LATE_FIRINGS -> "AfterWatermark.pastEndOfWindow().withEarlyFirings("
            + "AfterProcessingTime.pastFirstElementInPane().plusDelayOf(" + earlyDelay + "s))"
            + ".withLateFirings(AfterPane.elementCountAtLeast(1))";
        case EVERY_K_ELEMENTS -> "Repeatedly.forever(AfterPane.elementCountAtLeast(" + k + "))";
      };
    }
  }

  /** One entry of the script. */
  sealed interface Step {}

  /** {@code addElements} of one or more elements (one bundle). */
  record AddElements(List<Element> elements) implements Step {
    @Override
    public String toString() {
      return elements.stream().map(Element::toString).collect(Collectors.joining(" ", "add(", ")"));
    }
  }

  /** {@code advanceWatermarkTo(millis)}; printed in seconds, with milliseconds only if any. */
  record AdvanceWatermark(long millis) implements Step {
    @Override
    public String toString() {
      return "wm(" + (millis % 1000 == 0 ? String.valueOf(millis / 1000) : millis / 1000.0) + ")";
    }
  }

  /** {@code advanceProcessingTime(seconds)}. */
  record AdvanceProcessingTime(long seconds) implements Step {
    @Override
    public String toString() {
      return "pt(+" + seconds + ")";
    }
  }

  /** An element {@code KV(key, value)} with an event time of {@code second}. */
  record Element(String key, long second, long value) {
    long millis() {
      return second * 1000;
    }

    @Override
    public String toString() {
      return key + "@" + second + "=" + value;
    }
  }

  /**
   * Generates the case of {@code seed}: 20 to 200 elements over one to four keys, event times
   * mostly at or ahead of the watermark and one in four behind it (up to four minutes, so some are
   * late within the allowed lateness and some droppable), the watermark advancing by up to 90
   * seconds and sometimes by up to ten minutes (to a whole second, or one millisecond before it:
   * the max timestamp of the windows ending there), and processing time advancing in between.
   */
  static WindowingCase generate(long seed) {
    Random random = new Random(seed);
    Shape shape = switch (random.nextInt(3)) {
      case 0 -> new Fixed(pick(random, 30, 60, 120, 300));
      case 1 -> {
        long period = pick(random, 20, 30, 60);
        yield new Sliding(period * pick(random, 2, 3, 4), period);
      }
      default -> new SessionGap(pick(random, 10, 30, 90));
    };
    TriggerKind kind = TriggerKind.values()[random.nextInt(TriggerKind.values().length)];
    TriggerChoice trigger =
        new TriggerChoice(kind, pick(random, 10, 60, 120), 1 + random.nextInt(5));
    Duration lateness = Duration.ofSeconds(pick(random, 0, 0, 60, 180));
    int keys = 1 + random.nextInt(4);
    int elements = 20 + random.nextInt(181);

    List<Step> script = new ArrayList<>();
    long watermarkSecond = 0;
    script.add(new AdvanceWatermark(0));
    int added = 0;
    while (added < elements) {
      double action = random.nextDouble();
      if (action < 0.6) {
        List<Element> bundle = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0 && added < elements; i--, added++) {
          long second = random.nextInt(4) == 0
              ? Math.max(0, watermarkSecond - 1 - random.nextInt(240))
              : watermarkSecond + random.nextInt(180);
          bundle.add(new Element("k" + random.nextInt(keys), second, 1 + random.nextInt(100)));
        }
        script.add(new AddElements(bundle));
      } else if (action < 0.8) {
        watermarkSecond += 1 + random.nextInt(random.nextInt(5) == 0 ? 600 : 90);
        // Sometimes exactly at the max timestamp of windows ending on this second.
        script.add(new AdvanceWatermark(watermarkSecond * 1000 - (random.nextInt(4) == 0 ? 1 : 0)));
      } else {
        script.add(new AdvanceProcessingTime(1 + random.nextInt(180)));
      }
    }
    return new WindowingCase(seed, shape, trigger, lateness, List.copyOf(script));
  }

  private static long pick(Random random, long... choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** The script as a {@link TestStream}, ending with {@code advanceWatermarkToInfinity()}. */
  TestStream<KV<String, Long>> testStream() {
    TestStream.Builder<KV<String, Long>> stream =
        TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    for (Step step : script) {
      if (step instanceof AddElements add) {
        List<TimestampedValue<KV<String, Long>>> values = add.elements().stream()
            .map(e -> TimestampedValue.of(KV.of(e.key(), e.value()),
                Instant.ofEpochSecond(e.second())))
            .toList();
        stream = addAll(stream, values);
      } else if (step instanceof AdvanceWatermark advance) {
        stream = stream.advanceWatermarkTo(Instant.ofEpochMilli(advance.millis()));
      } else if (step instanceof AdvanceProcessingTime advance) {
        stream = stream.advanceProcessingTime(Duration.ofSeconds(advance.seconds()));
      }
    }
    return stream.advanceWatermarkToInfinity();
  }

  @SuppressWarnings("unchecked")
  private static TestStream.Builder<KV<String, Long>> addAll(
      TestStream.Builder<KV<String, Long>> stream,
      List<TimestampedValue<KV<String, Long>>> values) {
    return stream.addElements(values.get(0),
        values.subList(1, values.size()).toArray(new TimestampedValue[0]));
  }

  /** The windowing of the case, always accumulating. */
  Window<KV<String, Long>> window() {
    return Window.<KV<String, Long>>into(shape.windowFn())
        .triggering(trigger.trigger())
        .withAllowedLateness(allowedLateness)
        .accumulatingFiredPanes();
  }

  /** The seed and the windowing, in one line. */
  String description() {
    return "seed " + seed + ": " + shape + ", " + trigger + ", allowed lateness "
        + allowedLateness.toSeconds() + "s, accumulating";
  }

  /** The script in seconds: {@code add(key@second=value ...)}, {@code wm(s)}, {@code pt(+s)}. */
  String scriptText() {
    return script.stream().map(Step::toString).collect(Collectors.joining(" ")) + " wm(+inf)";
  }

  @Override
  public String toString() {
    return description() + "; script (seconds): " + scriptText();
  }
}
