package io.runnel.sdk.coders;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Short, readable type names for error messages: JDK and Runnel SDK classes by simple name
 * ({@code KV<String, T>}), user classes by full name so they are unambiguous.
 */
final class TypeNames {
  private TypeNames() {}

  static String of(Type type) {
    if (type instanceof Class<?> c) {
      if (c.isArray()) {
        return of(c.getComponentType()) + "[]";
      }
      String name = c.getName();
      return c.isPrimitive() || name.startsWith("java.") || name.startsWith("io.runnel.sdk.") ? c.getSimpleName() : name;
    } else if (type instanceof ParameterizedType p) {
      return Arrays.stream(p.getActualTypeArguments()).map(TypeNames::of)
          .collect(Collectors.joining(", ", of(p.getRawType()) + "<", ">"));
    } else if (type instanceof GenericArrayType a) {
      return of(a.getGenericComponentType()) + "[]";
    } else if (type instanceof TypeVariable<?> v) {
      return v.getName();
    } else if (type instanceof WildcardType w) {
      if (w.getLowerBounds().length > 0) {
        return "? super " + of(w.getLowerBounds()[0]);
      }
      return w.getUpperBounds()[0] == Object.class ? "?" : "? extends " + of(w.getUpperBounds()[0]);
    }
    return type.getTypeName();
  }
}
