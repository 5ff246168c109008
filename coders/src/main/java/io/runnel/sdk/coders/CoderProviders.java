package io.runnel.sdk.coders;

import io.runnel.sdk.values.TypeDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/** Ready-made {@link CoderProvider}s, as Beam's {@code CoderProviders}. */
public final class CoderProviders {
  private CoderProviders() {}

  /**
   * Provides {@code coder} for exactly {@code type} and for nothing else.
   */
  public static CoderProvider forCoder(TypeDescriptor<?> type, Coder<?> coder) {
    return new CoderProvider() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> Coder<T> coderFor(TypeDescriptor<T> requested, List<? extends Coder<?>> componentCoders)
          throws CannotProvideCoderException {
        if (!requested.equals(type)) {
          throw new CannotProvideCoderException(this + " provides only for " + type + ", not " + requested);
        }
        return (Coder<T>) coder;
      }

      @Override
      public String toString() {
        return "CoderProviders.forCoder(" + type + ", " + coder + ")";
      }
    };
  }

  /**
   * Provides coders for every type whose raw class is {@code rawType} by calling the static
   * {@code of} method of {@code coderClass} that takes one {@link Coder} per type argument, as
   * {@code KvCoder.of(Coder, Coder)} does.
   *
   * @throws IllegalArgumentException when {@code coderClass} has no such public static method
   */
  @SuppressWarnings("rawtypes")
  public static CoderProvider fromStaticMethods(Class<?> rawType, Class<? extends Coder> coderClass) {
    int arity = rawType.getTypeParameters().length;
    Class<?>[] parameterTypes = new Class<?>[arity];
    Arrays.fill(parameterTypes, Coder.class);
    Method factory;
    try {
      factory = coderClass.getMethod("of", parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(coderClass.getName() + " has no public static of(" + arity
          + " Coders) for the " + arity + " type parameters of " + rawType.getName(), e);
    }
    if (!Modifier.isStatic(factory.getModifiers())) {
      throw new IllegalArgumentException(factory + " is not static");
    }
    return new CoderProvider() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> componentCoders)
          throws CannotProvideCoderException {
        if (type.getRawType() != rawType || componentCoders.size() != arity) {
          throw new CannotProvideCoderException(this + " provides only for " + rawType.getName() + ", not " + type);
        }
        try {
          return (Coder<T>) factory.invoke(null, componentCoders.toArray());
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new CannotProvideCoderException(factory + " failed for " + type, e);
        }
      }

      @Override
      public String toString() {
        return "CoderProviders.fromStaticMethods(" + rawType.getName() + ", " + coderClass.getName() + ")";
      }
    };
  }
}
