package io.runnel.runners.core;

import io.runnel.sdk.transforms.Combine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a window's pane holds between firings: the buffered values of a {@code GroupByKey}, or the
 * accumulator of a {@code Combine.perKey}. Mutable; owned by the thread that owns the grouping.
 *
 * @param <InputT> the type of the values added
 * @param <OutputT> the type of a fired pane's value
 */
public interface PaneContents<InputT, OutputT> {
  /** Adds one value. */
  void add(InputT value);

  /**
   * Adds everything {@code other} holds (windows merging); {@code other} must come from the same
   * factory and is not used afterwards.
   */
  void mergeFrom(PaneContents<InputT, OutputT> other);

  /** Whether nothing was added since this was created. */
  boolean isEmpty();

  /**
   * The pane's value as of now; later additions do not change a value already returned. For a
   * combine with nothing added, the output of an empty accumulator.
   */
  OutputT extract();

  /**
   * Makes empty pane contents.
   *
   * @param <InputT> the type of the values added
   * @param <OutputT> the type of a fired pane's value
   */
  @FunctionalInterface
  interface Factory<InputT, OutputT> {
    /** New, empty contents. */
    PaneContents<InputT, OutputT> create();

    /** Buffers values in arrival order; a pane is an unmodifiable list of them. */
    static <V> Factory<V, Iterable<V>> buffering() {
      return Buffer::new;
    }

    /** Keeps one accumulator of {@code fn}; a pane is its extracted output. */
    static <InputT, AccumT, OutputT> Factory<InputT, OutputT> combining(
        Combine.CombineFn<InputT, AccumT, OutputT> fn) {
      return () -> new Accumulator<>(fn);
    }
  }

  /** Buffered values of a {@code GroupByKey}. */
  final class Buffer<V> implements PaneContents<V, Iterable<V>> {
    private final ArrayList<V> values = new ArrayList<>(4);

    @Override
    public void add(V value) {
      values.add(value);
    }

    @Override
    public void mergeFrom(PaneContents<V, Iterable<V>> other) {
      values.addAll(((Buffer<V>) other).values);
    }

    @Override
    public boolean isEmpty() {
      return values.isEmpty();
    }

    @Override
    public Iterable<V> extract() {
      return Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /** The accumulator of a {@code Combine.perKey}; exceptions of the fn become {@link UserCodeException}s. */
  final class Accumulator<InputT, AccumT, OutputT> implements PaneContents<InputT, OutputT> {
    private final Combine.CombineFn<InputT, AccumT, OutputT> fn;
    private AccumT accumulator;
    private boolean empty = true;

    Accumulator(Combine.CombineFn<InputT, AccumT, OutputT> fn) {
      this.fn = fn;
    }

    private AccumT accumulator() {
      if (accumulator == null) {
        try {
          accumulator = fn.createAccumulator();
        } catch (RuntimeException e) {
          throw UserCodeException.wrap(e);
        }
      }
      return accumulator;
    }

    @Override
    public void add(InputT value) {
      try {
        accumulator = fn.addInput(accumulator(), value);
      } catch (RuntimeException e) {
        throw UserCodeException.wrap(e);
      }
      empty = false;
    }

    @Override
    public void mergeFrom(PaneContents<InputT, OutputT> other) {
      Accumulator<InputT, AccumT, OutputT> from = (Accumulator<InputT, AccumT, OutputT>) other;
      if (from.empty) {
        return;
      }
      try {
        accumulator = empty ? from.accumulator
            : fn.mergeAccumulators(List.of(accumulator(), from.accumulator));
      } catch (RuntimeException e) {
        throw UserCodeException.wrap(e);
      }
      empty = false;
    }

    @Override
    public boolean isEmpty() {
      return empty;
    }

    @Override
    public OutputT extract() {
      try {
        return fn.extractOutput(accumulator());
      } catch (RuntimeException e) {
        throw UserCodeException.wrap(e);
      }
    }
  }
}
