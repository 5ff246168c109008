package io.runnel.sdk.coders;

import io.runnel.sdk.values.TypeDescriptor;
import java.util.List;

/**
 * Makes coders for a family of types, such as every {@code MyContainer<T>}, given the coders of
 * the type's arguments. Register one with {@link CoderRegistry#registerCoderProvider}.
 * Implementations must be thread-safe; they run at pipeline construction, not per element.
 */
public abstract class CoderProvider {

  /**
   * A coder for {@code type}.
   *
   * @param componentCoders the coders of {@code type}'s type arguments, in order; empty for a
   *     class that is not parameterized
   * @throws CannotProvideCoderException when this provider does not handle {@code type}; say why
   */
  public abstract <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> componentCoders)
      throws CannotProvideCoderException;
}
