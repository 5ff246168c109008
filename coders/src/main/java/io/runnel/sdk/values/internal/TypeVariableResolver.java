package io.runnel.sdk.values.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves type variables through class hierarchies with plain {@code java.lang.reflect}: given
 * {@code class MyFn extends DoFn<String, KV<String, Long>>}, the variable {@code InputT} of
 * {@code DoFn} resolves to {@code String} in the context of {@code MyFn}, through any number of
 * intermediate classes and interfaces, including partially parameterized ones. Variables nothing
 * binds (a raw supertype, a generic class used unparameterized) stay variables. Stateless.
 */
public final class TypeVariableResolver {
  private TypeVariableResolver() {}

  /**
   * Every binding {@code type} implies for the variables of its class and all its supertypes, each
   * already expressed in terms of {@code type}.
   */
  public static Map<TypeVariable<?>, Type> bindingsOf(Type type) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    collect(type, bindings, new HashSet<>());
    return bindings;
  }

  /** {@code type} with every variable bound in {@code bindings} replaced, at any depth. */
  public static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (bindings.isEmpty() || type instanceof Class<?>) {
      return type;
    } else if (type instanceof TypeVariable<?> v) {
      return bindings.getOrDefault(v, v);
    } else if (type instanceof ParameterizedType p) {
      Type owner = p.getOwnerType() == null ? null : substitute(p.getOwnerType(), bindings);
      return GenericTypes.parameterizedWithOwner((Class<?>) p.getRawType(), owner, substituteAll(p.getActualTypeArguments(), bindings));
    } else if (type instanceof GenericArrayType a) {
      return GenericTypes.arrayOf(substitute(a.getGenericComponentType(), bindings));
    } else if (type instanceof WildcardType w) {
      return GenericTypes.wildcard(substituteAll(w.getUpperBounds(), bindings), substituteAll(w.getLowerBounds(), bindings));
    }
    return type;
  }

  /**
   * The supertype of {@code type} whose class is {@code target}, with its arguments expressed in
   * terms of {@code type}; a bare {@link Class} when the hierarchy extends {@code target} raw; null
   * when {@code type} is not a subtype of {@code target}.
   */
  public static Type supertype(Type type, Class<?> target) {
    Class<?> raw = GenericTypes.rawType(type);
    if (raw == target) {
      return type;
    }
    if (!target.isAssignableFrom(raw)) {
      return null;
    }
    Map<TypeVariable<?>, Type> own = ownBindings(type, raw);
    Type superclass = raw.getGenericSuperclass();
    if (superclass != null) {
      Type found = supertype(substitute(superclass, own), target);
      if (found != null) {
        return found;
      }
    }
    for (Type itf : raw.getGenericInterfaces()) {
      Type found = supertype(substitute(itf, own), target);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static void collect(Type type, Map<TypeVariable<?>, Type> bindings, Set<Class<?>> visited) {
    Class<?> raw = GenericTypes.rawType(type);
    if (!visited.add(raw)) {
      return;
    }
    if (type instanceof ParameterizedType p && p.getOwnerType() != null) {
      collect(p.getOwnerType(), bindings, visited);
    }
    ownBindings(type, raw).forEach(bindings::putIfAbsent);
    Type superclass = raw.getGenericSuperclass();
    if (superclass != null) {
      collect(substitute(superclass, bindings), bindings, visited);
    }
    for (Type itf : raw.getGenericInterfaces()) {
      collect(substitute(itf, bindings), bindings, visited);
    }
  }

  private static Map<TypeVariable<?>, Type> ownBindings(Type type, Class<?> raw) {
    if (!(type instanceof ParameterizedType p)) {
      return Map.of();
    }
    TypeVariable<?>[] variables = raw.getTypeParameters();
    Type[] arguments = p.getActualTypeArguments();
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    for (int i = 0; i < variables.length; i++) {
      bindings.put(variables[i], arguments[i]);
    }
    return bindings;
  }

  private static Type[] substituteAll(Type[] types, Map<TypeVariable<?>, Type> bindings) {
    return Arrays.stream(types).map(t -> substitute(t, bindings)).toArray(Type[]::new);
  }
}
