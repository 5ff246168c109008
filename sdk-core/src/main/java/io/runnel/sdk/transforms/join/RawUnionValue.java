package io.runnel.sdk.transforms.join;

import java.util.Objects;

/**
 * A value tagged with the index of the input it came from, as {@link CoGroupByKey} carries values
 * of differently typed inputs in one collection. Immutable; the value may be null.
 */
public final class RawUnionValue {
  private final int unionTag;
  private final Object value;

  /** {@code value} from the input at index {@code unionTag}. */
  public RawUnionValue(int unionTag, Object value) {
    this.unionTag = unionTag;
    this.value = value;
  }

  public int getUnionTag() {
    return unionTag;
  }

  public Object getValue() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawUnionValue other && unionTag == other.unionTag
        && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * unionTag + Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return unionTag + ":" + value;
  }
}
