package io.runnel.sdk.options.internal;

import io.runnel.sdk.options.DefaultValueFactory;

/** Where an option's value comes from when it was not set: nothing, a constant, or a factory. */
public sealed interface OptionDefault {

  /** No default: the option reads as null, or as zero/false for a primitive type. */
  record None() implements OptionDefault {}

  /** A constant from a {@code @Default.*} annotation, already converted to the option's type. */
  record Constant(Object value) implements OptionDefault {}

  /** A value computed once by a {@link DefaultValueFactory}, then stored as if set. */
  record Computed(Class<? extends DefaultValueFactory<?>> factory) implements OptionDefault {}
}
