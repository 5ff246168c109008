package io.runnel.sdk.values.internal;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds and inspects {@link Type}s. The instances built here equal (and hash like) the JDK's own
 * reflection types, so built and reflected types can be compared and used as map keys together.
 * Stateless and thread-safe; built types are immutable.
 */
public final class GenericTypes {
  private GenericTypes() {}

  /** {@code raw<arguments>}, owned by {@code raw}'s declaring class as javac would make it. */
  public static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
    return parameterizedWithOwner(raw, raw.getDeclaringClass(), arguments);
  }

  /** {@code raw<arguments>} with an explicit owner type (null for a top-level class). */
  public static ParameterizedType parameterizedWithOwner(Class<?> raw, Type owner, Type... arguments) {
    int expected = raw.getTypeParameters().length;
    if (arguments.length != expected) {
      throw new IllegalArgumentException(raw.getName() + " takes " + expected + " type arguments, not "
          + arguments.length + ": " + Arrays.toString(arguments));
    }
    for (Type argument : arguments) {
      if (argument instanceof Class<?> c && c.isPrimitive()) {
        throw new IllegalArgumentException("a type argument cannot be the primitive " + c + " in " + raw.getName());
      }
    }
    return new ParameterizedTypeImpl(raw, owner, arguments.clone());
  }

  /** {@code component[]}: a {@link Class} when the component is one, as the JDK makes it. */
  public static Type arrayOf(Type component) {
    if (component instanceof Class<?> c) {
      return Array.newInstance(c, 0).getClass();
    }
    return new GenericArrayTypeImpl(component);
  }

  /** A wildcard with the given bounds; an empty upper bound means {@code Object}. */
  public static WildcardType wildcard(Type[] upperBounds, Type[] lowerBounds) {
    Type[] upper = upperBounds.length == 0 ? new Type[] {Object.class} : upperBounds.clone();
    return new WildcardTypeImpl(upper, lowerBounds.clone());
  }

  /** The class a value of {@code type} is an instance of; a variable's or wildcard's first bound. */
  public static Class<?> rawType(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    } else if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    } else if (type instanceof GenericArrayType a) {
      return Array.newInstance(rawType(a.getGenericComponentType()), 0).getClass();
    } else if (type instanceof TypeVariable<?> v) {
      return rawType(v.getBounds()[0]);
    } else if (type instanceof WildcardType w) {
      return rawType(w.getUpperBounds()[0]);
    }
    throw new IllegalArgumentException("unsupported kind of type " + type.getClass().getName() + ": " + type);
  }

  /** Whether {@code type} mentions a type variable anywhere, so it cannot be fully known. */
  public static boolean hasTypeVariable(Type type) {
    if (type instanceof TypeVariable<?>) {
      return true;
    } else if (type instanceof ParameterizedType p) {
      return (p.getOwnerType() != null && hasTypeVariable(p.getOwnerType()))
          || Arrays.stream(p.getActualTypeArguments()).anyMatch(GenericTypes::hasTypeVariable);
    } else if (type instanceof GenericArrayType a) {
      return hasTypeVariable(a.getGenericComponentType());
    } else if (type instanceof WildcardType w) {
      return Arrays.stream(w.getUpperBounds()).anyMatch(GenericTypes::hasTypeVariable)
          || Arrays.stream(w.getLowerBounds()).anyMatch(GenericTypes::hasTypeVariable);
    }
    return false;
  }

  private static final class ParameterizedTypeImpl implements ParameterizedType {
    private final Class<?> raw;
    private final Type owner;
    private final Type[] arguments;

    ParameterizedTypeImpl(Class<?> raw, Type owner, Type[] arguments) {
      this.raw = raw;
      this.owner = owner;
      this.arguments = arguments;
    }

    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return owner;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ParameterizedType other
          && raw.equals(other.getRawType())
          && Objects.equals(owner, other.getOwnerType())
          && Arrays.equals(arguments, other.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(arguments) ^ Objects.hashCode(owner) ^ raw.hashCode();
    }

    @Override
    public String toString() {
      String name = owner == null ? raw.getName() : owner.getTypeName() + "$" + raw.getSimpleName();
      if (arguments.length == 0) {
        return name;
      }
      return Arrays.stream(arguments).map(Type::getTypeName).collect(Collectors.joining(", ", name + "<", ">"));
    }
  }

  private static final class GenericArrayTypeImpl implements GenericArrayType {
    private final Type component;

    GenericArrayTypeImpl(Type component) {
      this.component = component;
    }

    @Override
    public Type getGenericComponentType() {
      return component;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof GenericArrayType other && component.equals(other.getGenericComponentType());
    }

    @Override
    public int hashCode() {
      return component.hashCode();
    }

    @Override
    public String toString() {
      return component.getTypeName() + "[]";
    }
  }

  private static final class WildcardTypeImpl implements WildcardType {
    private final Type[] upper;
    private final Type[] lower;

    WildcardTypeImpl(Type[] upper, Type[] lower) {
      this.upper = upper;
      this.lower = lower;
    }

    @Override
    public Type[] getUpperBounds() {
      return upper.clone();
    }

    @Override
    public Type[] getLowerBounds() {
      return lower.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof WildcardType other
          && Arrays.equals(upper, other.getUpperBounds())
          && Arrays.equals(lower, other.getLowerBounds());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(lower) ^ Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
      if (lower.length > 0) {
        return "? super " + lower[0].getTypeName();
      }
      return upper[0] == Object.class ? "?" : "? extends " + upper[0].getTypeName();
    }
  }
}
