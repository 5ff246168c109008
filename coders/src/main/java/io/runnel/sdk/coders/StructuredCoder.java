package io.runnel.sdk.coders;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Base for coders built from component coders, such as {@link KvCoder} and {@link ListCoder}:
 * two instances are equal when they have the same class and equal {@link #getCoderArguments()},
 * and print as {@code Name(component, ...)}, for example {@code KvCoder(StringUtf8Coder,
 * VarLongCoder)}. Subclasses with state beyond their components override {@code equals}.
 */
public abstract class StructuredCoder<T> extends Coder<T> {
  private static final long serialVersionUID = 1L;

  protected StructuredCoder() {}

  @Override
  public boolean equals(Object other) {
    return other != null
        && other.getClass() == getClass()
        && getCoderArguments().equals(((StructuredCoder<?>) other).getCoderArguments());
  }

  @Override
  public int hashCode() {
    return 31 * getClass().hashCode() + getCoderArguments().hashCode();
  }

  @Override
  public String toString() {
    List<? extends Coder<?>> arguments = getCoderArguments();
    String name = getClass().getSimpleName();
    if (arguments.isEmpty()) {
      return name;
    }
    return arguments.stream().map(String::valueOf).collect(Collectors.joining(", ", name + "(", ")"));
  }
}
