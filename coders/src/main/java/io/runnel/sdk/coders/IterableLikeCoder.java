package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.VarInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Base for coders of iterables: the element count as a varint, then each element with the element
 * coder. An {@link Iterable} that is not a {@link Collection} is first copied into a list to count
 * it, so it must fit in memory (no Beam-style chunked encoding of unknown length). The iterable
 * must not be null; whether its elements may be depends on the element coder.
 *
 * @param <T> the element type
 * @param <IterableT> the iterable type decoded
 */
public abstract class IterableLikeCoder<T, IterableT extends Iterable<T>> extends StructuredCoder<IterableT> {
  private static final long serialVersionUID = 1L;
  /** Caps the capacity pre-allocated from a decoded count, so a corrupt count cannot exhaust memory. */
  private static final int MAX_PREALLOCATED = 1 << 12;

  private final Coder<T> elementCoder;

  protected IterableLikeCoder(Coder<T> elementCoder) {
    this.elementCoder = CoderPreconditions.checkArgumentNotNull(elementCoder, "elementCoder");
  }

  public Coder<T> getElemCoder() {
    return elementCoder;
  }

  /** Builds the decoded value from its elements, in encoded order; may take {@code elements} over. */
  protected abstract IterableT decodeToIterable(List<T> elements);

  @Override
  public void encode(IterableT iterable, OutputStream out) throws IOException {
    CoderPreconditions.checkNotNull(iterable, this);
    Collection<T> collection = iterable instanceof Collection<T> c ? c : materialize(iterable);
    VarInt.encode(collection.size(), out);
    int written = 0;
    for (T element : collection) {
      elementCoder.encode(element, out);
      written++;
    }
    if (written != collection.size()) {
      throw new CoderException(this + " wrote " + written + " elements of a collection whose size() is "
          + collection.size() + ": was it modified concurrently?");
    }
  }

  @Override
  public IterableT decode(InputStream in) throws IOException {
    int size = VarInt.decodeInt(in);
    if (size < 0) {
      throw new CoderException(this + " cannot decode element count " + size);
    }
    List<T> elements = new ArrayList<>(Math.min(size, MAX_PREALLOCATED));
    for (int i = 0; i < size; i++) {
      elements.add(elementCoder.decode(in));
    }
    return decodeToIterable(elements);
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(elementCoder);
  }

  private static <T> List<T> materialize(Iterable<T> iterable) {
    List<T> list = new ArrayList<>();
    iterable.forEach(list::add);
    return list;
  }
}
