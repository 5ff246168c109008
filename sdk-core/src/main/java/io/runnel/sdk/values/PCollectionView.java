package io.runnel.sdk.values;

import io.runnel.sdk.coders.Coder;
import io.runnel.windowing.WindowFn;
import io.runnel.windowing.WindowMappingFn;
import io.runnel.sdk.transforms.ViewFn;
import java.io.Serializable;

/**
 * A read-only view of a {@link PCollection}'s contents, passed to a {@code ParDo} as a side input
 * and read with {@code ProcessContext.sideInput(view)}. Made by the {@code View} transforms.
 *
 * @param <T> the type the view presents, e.g. {@code List<String>} for {@code View.asList()}
 */
public interface PCollectionView<T> extends PValue, Serializable {
  /** The collection whose contents back this view, or null once serialized. */
  PCollection<?> getPCollection();

  /** Identifies this view among a {@code ParDo}'s side inputs. */
  TupleTag<?> getTagInternal();

  /** Turns the collection's elements (of one window) into the view's value. */
  ViewFn<?, T> getViewFn();

  /** The coder of the backing collection's elements. */
  Coder<?> getElementCoderInternal();

  /**
   * How a main-input element's window picks the window of this view it reads: the default of
   * the backing collection's {@code WindowFn} (see {@link WindowFn#getDefaultWindowMappingFn()}).
   */
  WindowMappingFn<?> getWindowMappingFn();
}
