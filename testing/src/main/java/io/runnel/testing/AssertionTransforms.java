package io.runnel.testing;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.VoidCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.SerializableFunction;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.transforms.Window;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.PaneInfo;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PDone;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * Adds an assertion to a pipeline: the collection becomes a side input (so an empty collection
 * is checked too), read by one check element. Names are {@code PAssert$0}, {@code PAssert$1}...
 * per pipeline.
 */
final class AssertionTransforms {
  private static final Map<Pipeline, Integer> COUNTS = new WeakHashMap<>();

  private AssertionTransforms() {}

  @SuppressWarnings("unchecked")
  static void apply(PCollection<?> actual, String reason, SerializableFunction<Iterable<Object>, Void> check) {
    apply(actual, null, reason, check);
  }

  /** Adds an assertion on the elements {@code filter} selects (all when null). */
  @SuppressWarnings("unchecked")
  static void apply(PCollection<?> actual, PaneFilter filter, String reason,
      SerializableFunction<Iterable<Object>, Void> check) {
    Pipeline pipeline = actual.getPipeline();
    int index;
    synchronized (COUNTS) {
      index = COUNTS.merge(pipeline, 1, Integer::sum) - 1;
    }
    String id = UUID.randomUUID().toString();
    AssertionRegistry.expect(pipeline, id, reason);
    ((PCollection<Object>) actual).apply("PAssert$" + index, new Check(reason, check, id, filter));
  }

  private static final class Check extends PTransform<PCollection<Object>, PDone> {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final SerializableFunction<Iterable<Object>, Void> check;
    private final String id;
    private final PaneFilter filter;

    Check(String reason, SerializableFunction<Iterable<Object>, Void> check, String id, PaneFilter filter) {
      this.reason = reason;
      this.check = check;
      this.id = id;
      this.filter = filter;
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
          .apply("Check", ParDo.of(new CheckFn(contents, check, id)).withSideInputs(contents));
      return PDone.in(input.getPipeline());
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
    private final SerializableFunction<Iterable<Object>, Void> check;
    private final String id;

    CheckFn(PCollectionView<Iterable<Object>> contents, SerializableFunction<Iterable<Object>, Void> check,
        String id) {
      this.contents = contents;
      this.check = check;
      this.id = id;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      check.apply(c.sideInput(contents));
      AssertionRegistry.succeeded(id);
    }
  }
}
