package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.internal.VarInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Encodes a {@link Top.BoundedHeap} as its element count and elements; capacity and order are fixed. */
final class BoundedHeapCoder<T> extends Coder<Top.BoundedHeap<T>> {
  private static final long serialVersionUID = 1L;
  private final Coder<T> elementCoder;
  private final int capacity;
  private final Comparator<T> comparator;

  BoundedHeapCoder(Coder<T> elementCoder, int capacity, Comparator<T> comparator) {
    this.elementCoder = elementCoder;
    this.capacity = capacity;
    this.comparator = comparator;
  }

  @Override
  public void encode(Top.BoundedHeap<T> value, OutputStream out) throws IOException {
    VarInt.encode(value.heap.size(), out);
    for (T element : value.heap) {
      elementCoder.encode(element, out);
    }
  }

  @Override
  public Top.BoundedHeap<T> decode(InputStream in) throws IOException {
    int size = VarInt.decodeInt(in);
    Top.BoundedHeap<T> heap = new Top.BoundedHeap<>(capacity, comparator);
    for (int i = 0; i < size; i++) {
      heap.add(elementCoder.decode(in));
    }
    return heap;
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(elementCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "the heap's iteration order depends on insertion order");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BoundedHeapCoder<?> other && capacity == other.capacity
        && elementCoder.equals(other.elementCoder) && comparator.equals(other.comparator);
  }

  @Override
  public int hashCode() {
    return Objects.hash(elementCoder, capacity);
  }
}
