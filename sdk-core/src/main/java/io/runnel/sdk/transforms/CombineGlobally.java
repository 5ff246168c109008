package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.VoidCoder;

import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionList;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.windowing.GlobalWindows;

/** The expansion of {@code Combine.globally}: a per-key combine under one key, plus a default. */
final class CombineGlobally {
  private CombineGlobally() {}

  static <InputT, OutputT> PCollection<OutputT> expand(
      PCollection<InputT> input, Combine.CombineFn<InputT, ?, OutputT> fn, boolean insertDefault) {
    Coder<OutputT> outputCoder = CombineCoders.outputCoder(fn, input, input.getCoder());
    PCollection<OutputT> combined = input
        .apply("WithKey", WithKeys.<Void, InputT>of((Void) null).withKeyType(
            io.runnel.sdk.values.TypeDescriptors.voids()))
        .apply("PerKey", Combine.<Void, InputT, OutputT>perKey(fn))
        .apply("Values", Values.create())
        .setCoder(outputCoder);
    boolean global = input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows;
    if (insertDefault && !global) {
      // As Beam: no window is known to exist, so there is nowhere to put a default.
      throw new IllegalStateException(input.getPipeline().getGraphInternal().getCurrent()
          .getFullName() + ": default values are not supported in Combine.globally() if the input"
          + " PCollection is not windowed by GlobalWindows (" + input + " is windowed by "
          + input.getWindowingStrategy().getWindowFn() + "). Instead, use"
          + " Combine.globally().withoutDefaults() to output an empty PCollection if the input"
          + " PCollection is empty, or Combine.globally().asSingletonView() to get the default"
          + " output of the CombineFn if the input PCollection is empty");
    }
    if (!insertDefault) {
      return combined;
    }
    PCollectionView<Iterable<OutputT>> combinedView = combined.apply(View.asIterable());
    PCollection<OutputT> defaultIfEmpty = input.getPipeline()
        .apply("CreateVoid", Create.of((Void) null).withCoder(VoidCoder.of()))
        .apply("DefaultIfEmpty", ParDo.of(new DefaultIfEmptyFn<>(fn, combinedView))
            .withSideInputs(combinedView))
        .setCoder(outputCoder);
    return PCollectionList.of(combined).and(defaultIfEmpty)
        .apply("FlattenDefault", Flatten.pCollections());
  }

  private static final class DefaultIfEmptyFn<OutputT> extends DoFn<Void, OutputT> {
    private static final long serialVersionUID = 1L;
    private final Combine.CombineFn<?, ?, OutputT> fn;
    private final PCollectionView<Iterable<OutputT>> combined;

    DefaultIfEmptyFn(Combine.CombineFn<?, ?, OutputT> fn, PCollectionView<Iterable<OutputT>> combined) {
      this.fn = fn;
      this.combined = combined;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (!c.sideInput(combined).iterator().hasNext()) {
        c.output(fn.defaultValue());
      }
    }
  }

}
