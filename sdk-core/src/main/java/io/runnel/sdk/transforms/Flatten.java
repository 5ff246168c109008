package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionList;
import io.runnel.windowing.WindowingStrategy;

/** Merges several collections into one ({@link #pCollections}), or flattens iterables. */
public final class Flatten {
  private Flatten() {}

  /** Merges a {@code PCollectionList<T>} into one {@code PCollection<T>}. A primitive. */
  public static <T> PCollections<T> pCollections() {
    return new PCollections<>();
  }

  /** Outputs every element of each input {@code Iterable<T>}. */
  public static <T> PTransform<PCollection<? extends Iterable<T>>, PCollection<T>> iterables() {
    return new Iterables<>();
  }

  /** See {@link #pCollections()}. */
  public static final class PCollections<T> extends PTransform<PCollectionList<T>, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    private PCollections() {}

    @Override
    public PCollection<T> expand(PCollectionList<T> inputs) {
      if (inputs.size() == 0) {
        return PCollection.createPrimitiveOutputInternal(inputs.getPipeline(),
            WindowingStrategy.globalDefault(), PCollection.IsBounded.BOUNDED, null);
      }
      PCollection<T> first = inputs.get(0);
      WindowingStrategy<?, ?> strategy = first.getWindowingStrategy();
      PCollection.IsBounded bounded = PCollection.IsBounded.BOUNDED;
      for (PCollection<T> input : inputs.getAll()) {
        if (!input.getWindowingStrategy().getWindowFn().isCompatible(strategy.getWindowFn())) {
          throw new IllegalStateException("Flatten: " + input + " is windowed by "
              + input.getWindowingStrategy().getWindowFn() + " but " + first + " by "
              + strategy.getWindowFn() + "; apply the same Window.into(...) to all inputs");
        }
        bounded = bounded.and(input.isBounded());
      }
      Coder<T> coder = first.getCoder();
      return PCollection.createPrimitiveOutputInternal(inputs.getPipeline(), strategy, bounded, coder);
    }
  }

  private static final class Iterables<T>
      extends PTransform<PCollection<? extends Iterable<T>>, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<T> expand(PCollection<? extends Iterable<T>> input) {
      @SuppressWarnings("unchecked")
      Coder<T> elementCoder = (Coder<T>) input.getCoder().getCoderArguments().get(0);
      return input.apply("FlattenIterables", ParDo.of(new DoFn<Iterable<T>, T>() {
        private static final long serialVersionUID = 1L;

        @ProcessElement
        public void process(@Element Iterable<T> element, OutputReceiver<T> out) {
          for (T t : element) {
            out.output(t);
          }
        }
      })).setCoder(elementCoder);
    }

    @Override
    protected String getKindString() {
      return "Flatten.Iterables";
    }
  }
}
