package io.runnel.testing;

import io.runnel.sdk.coders.VoidCoder;
import io.runnel.sdk.metrics.Counter;
import io.runnel.sdk.metrics.Metrics;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PDone;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.PaneInfo;

/**
 * Adds an assertion to a pipeline: the collection becomes a side input (so an empty collection
 * is checked too), read by one check element, which reports the outcome through the counters
 * {@link PAssert#SUCCESS_COUNTER} and {@link PAssert#FAILURE_COUNTER} of the check step. Names are
 * {@code PAssert$0}, {@code PAssert$1}... per pipeline, counted from the assertions already in its
 * graph, so nothing is kept outside the pipeline.
 */
final class AssertionTransforms {
  private AssertionTransforms() {}

  /** Adds an assertion on the elements {@code filter} selects (all when null). */
  @SuppressWarnings("unchecked")
  static void apply(PCollection<?> actual, PaneFilter filter, String reason,
      SerializableFunction<Iterable<Object>, Void> check) {
    String name = "PAssert$" + PAssert.countAsserts(actual.getPipeline());
    ((PCollection<Object>) actual).apply(name, new Check(reason, check, filter));
  }

  /** One assertion; {@link AssertionVerifier} finds these in a pipeline's graph. */
  static final class Check extends PTransform<PCollection<Object>, PDone> {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final SerializableFunction<Iterable<Object>, Void> check;
    private final PaneFilter filter;

    Check(String reason, SerializableFunction<Iterable<Object>, Void> check, PaneFilter filter) {
      this.reason = reason;
      this.check = check;
      this.filter = filter;
    }

    /** What the assertion is about, e.g. {@code PAssert.that(Letters.out)}. */
    String reason() {
      return reason;
    }

    @Override
    public PDone expand(PCollection<Object> input) {
      // Checks the elements of every window together, as Beam's PAssert.that does by default.
      PCollection<Object> selected = filter == null ? input
          : input.apply("SelectPanes", ParDo.of(new SelectFn(filter))).setCoder(input.getCoder());
      PCollectionView<Iterable<Object>> contents = selected
          .apply("IntoGlobalWindow", Window.<Object>into(new GlobalWindows()))
          .apply("Contents", View.asIterable());
      input.getPipeline()
          .apply("CheckTrigger", Create.of((Void) null).withCoder(VoidCoder.of()))
          .apply("Check", ParDo.of(new CheckFn(contents, new CountingCheck(check)))
              .withSideInputs(contents));
      return PDone.in(input.getPipeline());
    }
  }

  /**
   * Runs a check and counts its outcome in the calling step's metrics: one success, or one failure
   * before the failure is rethrown. Counting through metrics lets {@link TestPipeline} see the
   * outcome wherever the check ran, in this JVM or another.
   */
  static final class CountingCheck implements SerializableFunction<Iterable<Object>, Void> {
    private static final long serialVersionUID = 1L;
    private final SerializableFunction<Iterable<Object>, Void> check;
    private final Counter successes = Metrics.counter(PAssert.class, PAssert.SUCCESS_COUNTER);
    private final Counter failures = Metrics.counter(PAssert.class, PAssert.FAILURE_COUNTER);

    CountingCheck(SerializableFunction<Iterable<Object>, Void> check) {
      this.check = check;
    }

    @Override
    public Void apply(Iterable<Object> actual) {
      try {
        check.apply(actual);
      } catch (RuntimeException | Error e) {
        failures.inc();
        throw e;
      }
      successes.inc();
      return null;
    }
  }

  /** Keeps the elements in the window and panes an assertion is about. */
  private static final class SelectFn extends DoFn<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final PaneFilter filter;

    SelectFn(PaneFilter filter) {
      this.filter = filter;
    }

    @ProcessElement
    public void process(@Element Object element, BoundedWindow window, PaneInfo pane,
        OutputReceiver<Object> out) {
      if (filter.matches(window, pane)) {
        out.output(element);
      }
    }
  }

  private static final class CheckFn extends DoFn<Void, Void> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<Iterable<Object>> contents;
    private final CountingCheck check;

    CheckFn(PCollectionView<Iterable<Object>> contents, CountingCheck check) {
      this.contents = contents;
      this.check = check;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      check.apply(c.sideInput(contents));
    }
  }
}
