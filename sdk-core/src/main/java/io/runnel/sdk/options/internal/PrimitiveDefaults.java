package io.runnel.sdk.options.internal;

import java.lang.reflect.Type;
import java.util.Map;

/** The value an unset option without a default reads as: zero or false for primitives, else null. */
final class PrimitiveDefaults {
  private static final Map<Class<?>, Object> ZEROS =
      Map.of(
          boolean.class, false,
          int.class, 0,
          long.class, 0L,
          short.class, (short) 0,
          byte.class, (byte) 0,
          double.class, 0.0d,
          float.class, 0.0f,
          char.class, '\0');

  private static final Map<Class<?>, Class<?>> BOXES =
      Map.of(
          boolean.class, Boolean.class,
          int.class, Integer.class,
          long.class, Long.class,
          short.class, Short.class,
          byte.class, Byte.class,
          double.class, Double.class,
          float.class, Float.class,
          char.class, Character.class);

  private PrimitiveDefaults() {}

  static Object zeroOrNull(Type type) {
    return ZEROS.get(type);
  }

  /** The class values of {@code type} are instances of: the box of a primitive, the raw class otherwise. */
  static Class<?> boxed(Type type) {
    if (type instanceof Class<?> c) {
      return c.isPrimitive() ? BOXES.get(c) : c;
    }
    return java.util.List.class;
  }
}
