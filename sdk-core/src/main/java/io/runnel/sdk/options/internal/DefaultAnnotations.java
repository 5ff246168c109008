package io.runnel.sdk.options.internal;

import io.runnel.sdk.options.Default;
import io.runnel.sdk.options.DefaultValueFactory;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads and checks the {@code @Default.*} annotation of an option getter. */
final class DefaultAnnotations {
  static final Set<Class<? extends Annotation>> TYPES =
      Set.of(
          Default.String.class,
          Default.Integer.class,
          Default.Long.class,
          Default.Boolean.class,
          Default.Double.class,
          Default.Float.class,
          Default.Enum.class,
          Default.InstanceFactory.class);

  private DefaultAnnotations() {}

  /**
   * The default declared on {@code getter}.
   *
   * @param where the getter as shown in messages
   * @throws IllegalArgumentException if there are several, or one that does not fit the type
   */
  static OptionDefault read(Method getter, String option, Type type, String where) {
    List<Annotation> found = new ArrayList<>();
    for (Annotation a : getter.getAnnotations()) {
      if (TYPES.contains(a.annotationType())) {
        found.add(a);
      }
    }
    if (found.isEmpty()) {
      return new OptionDefault.None();
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          String.format("%s has %d @Default annotations %s; keep one.", where, found.size(), found));
    }
    Annotation a = found.get(0);
    if (a instanceof Default.InstanceFactory factory) {
      return computed(factory.value(), where);
    }
    try {
      return new OptionDefault.Constant(constant(a, option, type, where));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " has an invalid default: " + e.getMessage(), e);
    }
  }

  private static Object constant(Annotation a, String option, Type type, String where) {
    if (a instanceof Default.String s) {
      return OptionValueCodec.parse(option, type, List.of(s.value()));
    }
    if (a instanceof Default.Enum e) {
      require(type instanceof Class<?> c && c.isEnum(), a, type, where);
      return OptionValueCodec.parseScalar(option, (Class<?>) type, e.value());
    }
    if (a instanceof Default.Integer i) {
      require(type == int.class || type == Integer.class, a, type, where);
      return i.value();
    }
    if (a instanceof Default.Long l) {
      require(type == long.class || type == Long.class, a, type, where);
      return l.value();
    }
    if (a instanceof Default.Boolean b) {
      require(type == boolean.class || type == Boolean.class, a, type, where);
      return b.value();
    }
    if (a instanceof Default.Double d) {
      require(type == double.class || type == Double.class, a, type, where);
      return d.value();
    }
    Default.Float f = (Default.Float) a;
    require(type == float.class || type == Float.class, a, type, where);
    return f.value();
  }

  private static void require(boolean fits, Annotation a, Type type, String where) {
    if (!fits) {
      throw new IllegalArgumentException(
          String.format(
              "%s returns %s but is annotated @Default.%s, which does not fit that type;"
                  + " use the @Default annotation of the option's type (or @Default.String).",
              where, type.getTypeName(), a.annotationType().getSimpleName()));
    }
  }

  private static OptionDefault computed(Class<? extends DefaultValueFactory<?>> factory, String where) {
    if (factory.isInterface() || Modifier.isAbstract(factory.getModifiers())) {
      throw new IllegalArgumentException(
          where + " names @Default.InstanceFactory(" + factory.getName() + "), which is abstract;"
              + " name a concrete class with a no-argument constructor.");
    }
    try {
      factory.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          where + " names @Default.InstanceFactory(" + factory.getName() + "), which has no"
              + " no-argument constructor; add one.", e);
    }
    return new OptionDefault.Computed(factory);
  }
}
