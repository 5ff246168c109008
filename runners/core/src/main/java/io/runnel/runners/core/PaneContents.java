package io.runnel.runners.core;

import io.runnel.runners.core.state.StateBackend;
import io.runnel.runners.core.state.StateNamespace;
import io.runnel.runners.core.state.StateTag;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.transforms.Combine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a window's pane holds between firings, kept in a {@link StateBackend} cell of the current
 * key: the buffered values of a {@code GroupByKey} (a bag, appended to without reading it), or
 * the accumulator of a {@code Combine.perKey} (a combining cell). Immutable and stateless; the
 * contents live in the backend.
 *
 * @param <InputT> the type of the values added
 * @param <OutputT> the type of a fired pane's value
 */
public interface PaneContents<InputT, OutputT> {
  /** Adds one value to the contents of {@code namespace}. */
  void add(StateBackend backend, StateNamespace namespace, InputT value);

  /** Moves everything {@code source} holds into {@code target} (windows merging). */
  void merge(StateBackend backend, StateNamespace source, StateNamespace target);

  /**
   * The pane's value as of now; later additions do not change a value already returned. For a
   * combine with nothing added, the output of an empty accumulator.
   */
  OutputT extract(StateBackend backend, StateNamespace namespace);

  /** Empties the contents of {@code namespace}. */
  void clear(StateBackend backend, StateNamespace namespace);

  /** Buffers values in arrival order; a pane is an unmodifiable list of them. */
  static <V> PaneContents<V, Iterable<V>> buffering(Coder<V> valueCoder) {
    return new Buffer<>(new StateTag.Bag<>("buffer", valueCoder));
  }

  /**
   * Keeps one accumulator of {@code fn}; a pane is its extracted output. The accumulator coder
   * is needed only to snapshot the state and may be null otherwise.
   */
  static <InputT, AccumT, OutputT> PaneContents<InputT, OutputT> combining(
      Combine.CombineFn<InputT, AccumT, OutputT> fn, Coder<AccumT> accumulatorCoder) {
    return new Accumulator<>(new StateTag.Combining<>("combined", fn, accumulatorCoder));
  }

  /** Buffered values of a {@code GroupByKey}. */
  final class Buffer<V> implements PaneContents<V, Iterable<V>> {
    private final StateTag.Bag<V> tag;

    Buffer(StateTag.Bag<V> tag) {
      this.tag = tag;
    }

    @Override
    public void add(StateBackend backend, StateNamespace namespace, V value) {
      backend.addToBag(namespace, tag, value);
    }

    @Override
    public void merge(StateBackend backend, StateNamespace source, StateNamespace target) {
      List<V> values = new ArrayList<>();
      backend.readBag(source, tag).forEach(values::add);
      backend.clear(source, tag);
      for (V value : values) {
        backend.addToBag(target, tag, value);
      }
    }

    @Override
    public Iterable<V> extract(StateBackend backend, StateNamespace namespace) {
      List<V> values = new ArrayList<>();
      backend.readBag(namespace, tag).forEach(values::add);
      return Collections.unmodifiableList(values);
    }

    @Override
    public void clear(StateBackend backend, StateNamespace namespace) {
      backend.clear(namespace, tag);
    }
  }

  /** The accumulator of a {@code Combine.perKey}; exceptions of the fn become {@link UserCodeException}s. */
  final class Accumulator<InputT, AccumT, OutputT> implements PaneContents<InputT, OutputT> {
    private final StateTag.Combining<InputT, AccumT, OutputT> tag;

    Accumulator(StateTag.Combining<InputT, AccumT, OutputT> tag) {
      this.tag = tag;
    }

    @Override
    public void add(StateBackend backend, StateNamespace namespace, InputT value) {
      try {
        backend.addToCombining(namespace, tag, value);
      } catch (RuntimeException e) {
        throw UserCodeException.wrap(e);
      }
    }

    @Override
    public void merge(StateBackend backend, StateNamespace source, StateNamespace target) {
      AccumT accumulator = backend.readAccumulator(source, tag);
      if (accumulator == null) {
        return;
      }
      backend.clear(source, tag);
      try {
        backend.mergeIntoCombining(target, tag, accumulator);
      } catch (RuntimeException e) {
        throw UserCodeException.wrap(e);
      }
    }

    @Override
    public OutputT extract(StateBackend backend, StateNamespace namespace) {
      try {
        AccumT accumulator = backend.readAccumulator(namespace, tag);
        return tag.fn().extractOutput(accumulator != null ? accumulator
            : tag.fn().createAccumulator());
      } catch (RuntimeException e) {
        throw UserCodeException.wrap(e);
      }
    }

    @Override
    public void clear(StateBackend backend, StateNamespace namespace) {
      backend.clear(namespace, tag);
    }
  }
}
