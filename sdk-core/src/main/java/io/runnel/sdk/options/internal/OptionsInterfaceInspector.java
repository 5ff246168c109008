package io.runnel.sdk.options.internal;

import io.runnel.sdk.options.Description;
import io.runnel.sdk.options.Hidden;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.Validation;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that an interface is a well-formed options interface and builds its model: it extends
 * {@link PipelineOptions}; every abstract method is a getter or a setter; every getter has a
 * setter of the same type and vice versa; every type is supported; defaults fit their types; option
 * annotations sit on getters. Errors name the interface, the method and the fix.
 */
final class OptionsInterfaceInspector {
  private OptionsInterfaceInspector() {}

  @SuppressWarnings("unchecked")
  static OptionsInterfaceModel inspect(Class<?> iface) {
    if (!iface.isInterface()) {
      throw new IllegalArgumentException(
          iface.getName() + " is not an interface; options are declared as interfaces extending "
              + PipelineOptions.class.getName() + ".");
    }
    if (!PipelineOptions.class.isAssignableFrom(iface)) {
      throw new IllegalArgumentException(
          iface.getName() + " does not extend " + PipelineOptions.class.getName() + "; add"
              + " 'extends PipelineOptions' to its declaration.");
    }
    Map<String, List<Method>> getters = new TreeMap<>();
    Map<String, List<Method>> setters = new TreeMap<>();
    for (Method method : sortedAbstractMethods(iface)) {
      if (isAsMethod(method)) {
        continue;
      }
      String getter = Accessors.getterProperty(method);
      String setter = Accessors.setterProperty(method);
      if (getter != null) {
        getters.computeIfAbsent(getter, k -> new ArrayList<>()).add(method);
      } else if (setter != null) {
        rejectOptionAnnotations(iface, method);
        setters.computeIfAbsent(setter, k -> new ArrayList<>()).add(method);
      } else {
        throw new IllegalArgumentException(
            Accessors.describe(iface, method) + " is neither a getter nor a setter. An options"
                + " interface declares only getX()/isX() and setX(value) pairs; make other methods"
                + " default or static.");
      }
    }
    TreeMap<String, OptionProperty> properties = new TreeMap<>();
    for (Map.Entry<String, List<Method>> entry : getters.entrySet()) {
      properties.put(entry.getKey(), property(iface, entry.getKey(), entry.getValue(), setters));
    }
    for (Map.Entry<String, List<Method>> entry : setters.entrySet()) {
      if (!getters.containsKey(entry.getKey())) {
        Method setter = entry.getValue().get(0);
        throw new IllegalArgumentException(
            String.format(
                "%s has no matching getter; add '%s get%s()' to %s.",
                Accessors.describe(iface, setter),
                setter.getGenericParameterTypes()[0].getTypeName(),
                setter.getName().substring(3),
                setter.getDeclaringClass().getName()));
      }
    }
    TreeSet<String> declared = new TreeSet<>();
    for (Method method : iface.getDeclaredMethods()) {
      String name = Accessors.getterProperty(method);
      if (name != null && properties.containsKey(name)) {
        declared.add(name);
      }
    }
    return new OptionsInterfaceModel((Class<? extends PipelineOptions>) iface, properties, declared);
  }

  private static OptionProperty property(
      Class<?> iface, String name, List<Method> getters, Map<String, List<Method>> setters) {
    Method getter = getters.get(0);
    String where = Accessors.describe(getter.getDeclaringClass(), getter);
    Type type = getter.getGenericReturnType();
    for (Method other : getters) {
      if (!other.getGenericReturnType().equals(type)) {
        throw new IllegalArgumentException(
            String.format(
                "Option '%s' of %s has getters of different types: %s returns %s, %s returns %s;"
                    + " declare one type.",
                name, iface.getName(), where, type.getTypeName(),
                Accessors.describe(other.getDeclaringClass(), other),
                other.getGenericReturnType().getTypeName()));
      }
    }
    List<Method> matchingSetters = setters.getOrDefault(name, List.of());
    if (matchingSetters.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              "%s has no matching setter; add 'void set%s(%s value)' to %s.",
              where, capitalized(getter), type.getTypeName(), getter.getDeclaringClass().getName()));
    }
    for (Method setter : matchingSetters) {
      Type setterType = setter.getGenericParameterTypes()[0];
      if (!setterType.equals(type)) {
        throw new IllegalArgumentException(
            String.format(
                "%s returns %s but %s takes %s; getter and setter of option '%s' must have the same"
                    + " type.",
                where, type.getTypeName(), Accessors.describe(setter.getDeclaringClass(), setter),
                setterType.getTypeName(), name));
      }
    }
    if (!OptionValueCodec.isSupported(type)) {
      throw new IllegalArgumentException(
          String.format(
              "%s returns %s, which is not a supported option type; use one of: %s.",
              where, type.getTypeName(), OptionValueCodec.supportedTypesDescription()));
    }
    OptionDefault defaultValue = null;
    String description = null;
    boolean required = false;
    boolean hidden = false;
    for (Method g : getters) {
      String gWhere = Accessors.describe(g.getDeclaringClass(), g);
      OptionDefault d = DefaultAnnotations.read(g, name, type, gWhere);
      if (defaultValue == null || defaultValue instanceof OptionDefault.None) {
        defaultValue = d;
      } else if (!(d instanceof OptionDefault.None) && !Objects.equals(d, defaultValue)) {
        throw new IllegalArgumentException(
            String.format(
                "Option '%s' of %s has conflicting defaults on %s and %s; keep one.",
                name, iface.getName(), where, gWhere));
      }
      Description desc = g.getAnnotation(Description.class);
      if (description == null && desc != null) {
        description = desc.value();
      }
      required |= g.isAnnotationPresent(Validation.Required.class);
      hidden |= g.isAnnotationPresent(Hidden.class);
    }
    return new OptionProperty(name, type, where, description, defaultValue, required, hidden);
  }

  private static void rejectOptionAnnotations(Class<?> iface, Method setter) {
    for (Annotation a : setter.getAnnotations()) {
      Class<? extends Annotation> t = a.annotationType();
      if (DefaultAnnotations.TYPES.contains(t)
          || t == Description.class
          || t == Validation.Required.class
          || t == Hidden.class) {
        throw new IllegalArgumentException(
            String.format(
                "%s is annotated @%s, but option annotations belong on the getter; move it there.",
                Accessors.describe(iface, setter), t.getSimpleName()));
      }
    }
  }

  private static boolean isAsMethod(Method method) {
    return method.getDeclaringClass() == PipelineOptions.class && method.getName().equals("as");
  }

  private static String capitalized(Method getter) {
    return getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
  }

  private static List<Method> sortedAbstractMethods(Class<?> iface) {
    List<Method> methods = new ArrayList<>();
    for (Method m : iface.getMethods()) {
      if (Modifier.isAbstract(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        methods.add(m);
      }
    }
    methods.sort(Comparator.comparing(Method::getName).thenComparing(m -> m.getDeclaringClass().getName()));
    return methods;
  }
}
