package io.runnel.sdk.values;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identifies one output of a multi-output transform, or one input of {@code CoGroupByKey}. Create
 * it as an anonymous subclass, {@code new TupleTag<String>() {}}, so the element type is known for
 * coder inference. Tags are equal when their ids are equal.
 */
public class TupleTag<V> implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final AtomicLong COUNTER = new AtomicLong();

  private final String id;

  /** A tag with a fresh id, unique within this JVM. */
  public TupleTag() {
    this("tag" + COUNTER.incrementAndGet());
  }

  /** A tag with the given id; tags with equal ids are equal. */
  public TupleTag(String id) {
    this.id = id;
  }

  public String getId() {
    return id;
  }

  /** The element type, when the tag was created as an anonymous subclass. */
  public TypeDescriptor<V> getTypeDescriptor() {
    @SuppressWarnings("unchecked")
    TypeDescriptor<V> type =
        (TypeDescriptor<V>) TypeDescriptor.resolveSupertypeArgument(getClass(), TupleTag.class, 0);
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TupleTag<?> other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
