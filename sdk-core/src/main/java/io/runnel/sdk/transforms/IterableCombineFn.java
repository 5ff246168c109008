package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.coders.ListCoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code CombineFn} from a function over an iterable of values. Buffers up to a batch of
 * inputs, then folds them with the function, so memory stays bounded for associative,
 * commutative functions (the contract of {@code Combine.perKey(SerializableFunction)}).
 */
final class IterableCombineFn<V> extends Combine.CombineFn<V, List<V>, V> {
  private static final long serialVersionUID = 1L;
  private static final int BATCH = 64;
  private final SerializableFunction<Iterable<V>, V> fn;

  private IterableCombineFn(SerializableFunction<Iterable<V>, V> fn) {
    this.fn = fn;
  }

  static <V> IterableCombineFn<V> of(SerializableFunction<Iterable<V>, V> fn) {
    return new IterableCombineFn<>(fn);
  }

  @Override
  public List<V> createAccumulator() {
    return new ArrayList<>();
  }

  @Override
  public List<V> addInput(List<V> accumulator, V input) {
    accumulator.add(input);
    if (accumulator.size() > BATCH) {
      V folded = fn.apply(accumulator);
      accumulator.clear();
      accumulator.add(folded);
    }
    return accumulator;
  }

  @Override
  public List<V> mergeAccumulators(Iterable<List<V>> accumulators) {
    List<V> merged = createAccumulator();
    for (List<V> accumulator : accumulators) {
      for (V value : accumulator) {
        addInput(merged, value);
      }
    }
    return merged;
  }

  @Override
  public V extractOutput(List<V> accumulator) {
    return fn.apply(accumulator);
  }

  @Override
  public List<V> compact(List<V> accumulator) {
    if (accumulator.size() <= 1) {
      return accumulator;
    }
    List<V> folded = new ArrayList<>();
    folded.add(fn.apply(accumulator));
    return folded;
  }

  @Override
  public Coder<List<V>> getAccumulatorCoder(CoderRegistry registry, Coder<V> inputCoder) {
    return ListCoder.of(inputCoder);
  }

  @Override
  public Coder<V> getDefaultOutputCoder(CoderRegistry registry, Coder<V> inputCoder) {
    return inputCoder;
  }
}
