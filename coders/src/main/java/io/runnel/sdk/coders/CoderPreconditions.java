package io.runnel.sdk.coders;

/** Checks shared by the coders of this package. */
final class CoderPreconditions {
  private CoderPreconditions() {}

  /**
   * Returns {@code value}, or throws a {@link CoderException} naming {@code coder} when it is null:
   * only {@link NullableCoder} and {@link VoidCoder} encode null.
   */
  static <T> T checkNotNull(T value, Coder<?> coder) throws CoderException {
    if (value == null) {
      throw new CoderException(coder + " cannot encode a null value; wrap it with NullableCoder.of(...)");
    }
    return value;
  }

  /** Returns {@code argument}, or throws an {@link IllegalArgumentException} naming it. */
  static <T> T checkArgumentNotNull(T argument, String name) {
    if (argument == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return argument;
  }
}
