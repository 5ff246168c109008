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
import io.runnel.windowing.GlobalWindows;
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
    Pipeline pipeline = actual.getPipeline();
    int index;
    synchronized (COUNTS) {
      index = COUNTS.merge(pipeline, 1, Integer::sum) - 1;
    }
    String id = UUID.randomUUID().toString();
    AssertionRegistry.expect(pipeline, id, reason);
    ((PCollection<Object>) actual).apply("PAssert$" + index, new Check(reason, check, id));
  }

  private static final class Check extends PTransform<PCollection<Object>, PDone> {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final SerializableFunction<Iterable<Object>, Void> check;
    private final String id;

    Check(String reason, SerializableFunction<Iterable<Object>, Void> check, String id) {
      this.reason = reason;
      this.check = check;
      this.id = id;
    }

    @Override
    public PDone expand(PCollection<Object> input) {
      // Checks the elements of every window together, as Beam's PAssert.that does by default.
      PCollectionView<Iterable<Object>> contents = input
          .apply("IntoGlobalWindow", Window.<Object>into(new GlobalWindows()))
          .apply("Contents", View.asIterable());
      input.getPipeline()
          .apply("CheckTrigger", Create.of((Void) null).withCoder(VoidCoder.of()))
          .apply("Check", ParDo.of(new CheckFn(contents, check, id)).withSideInputs(contents));
      return PDone.in(input.getPipeline());
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
