package io.runnel.sdk.values;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.ViewFn;
import io.runnel.windowing.WindowMappingFn;
import java.util.Map;

/** Makes {@link PCollectionView}s; used by the {@code View} transforms. */
public final class PCollectionViews {
  private PCollectionViews() {}

  /** A view of {@code pc} through {@code viewFn}. */
  public static <E, T> PCollectionView<T> of(PCollection<E> pc, ViewFn<E, T> viewFn, Coder<E> coder) {
    return new SimpleView<>(pc, viewFn, coder, new TupleTag<>());
  }

  /**
   * A view of {@code pc} through {@code viewFn} identified by {@code tag}. For rebuilding a
   * pipeline from its portable form, where functions that captured the view find it by tag.
   */
  public static <E, T> PCollectionView<T> of(
      PCollection<E> pc, ViewFn<E, T> viewFn, Coder<E> coder, TupleTag<?> tag) {
    return new SimpleView<>(pc, viewFn, coder, tag);
  }

  private static final class SimpleView<E, T> implements PCollectionView<T> {
    private static final long serialVersionUID = 1L;
    private final transient PCollection<E> pc;
    private final TupleTag<?> tag;
    private final ViewFn<E, T> viewFn;
    private final Coder<E> coder;
    private final WindowMappingFn<?> windowMappingFn;

    SimpleView(PCollection<E> pc, ViewFn<E, T> viewFn, Coder<E> coder, TupleTag<?> tag) {
      this.pc = pc;
      this.tag = tag;
      this.viewFn = viewFn;
      this.coder = coder;
      try {
        this.windowMappingFn = pc.getWindowingStrategy().getWindowFn().getDefaultWindowMappingFn();
      } catch (UnsupportedOperationException e) {
        throw new IllegalArgumentException("Cannot read '" + pc.getName() + "' as a side input: "
            + e.getMessage(), e);
      }
    }

    @Override
    public WindowMappingFn<?> getWindowMappingFn() {
      return windowMappingFn;
    }

    @Override
    public PCollection<?> getPCollection() {
      return pc;
    }

    @Override
    public TupleTag<?> getTagInternal() {
      return tag;
    }

    @Override
    public ViewFn<?, T> getViewFn() {
      return viewFn;
    }

    @Override
    public Coder<?> getElementCoderInternal() {
      return coder;
    }

    @Override
    public String getName() {
      return pc == null ? "view " + tag : pc.getName() + ".view";
    }

    @Override
    public Pipeline getPipeline() {
      return pc.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(tag, this);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SimpleView<?, ?> other && tag.equals(other.tag);
    }

    @Override
    public int hashCode() {
      return tag.hashCode();
    }

    @Override
    public String toString() {
      return "PCollectionView '" + getName() + "'";
    }
  }
}
