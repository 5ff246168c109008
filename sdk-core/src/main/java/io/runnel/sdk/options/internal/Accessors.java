package io.runnel.sdk.options.internal;

import java.lang.reflect.Method;

/** The JavaBeans naming of option getters ({@code getX()}, {@code isX()}) and setters ({@code setX(v)}). */
final class Accessors {
  private Accessors() {}

  /** The option name of a getter, or null if {@code method} is not one. */
  static String getterProperty(Method method) {
    if (method.getParameterCount() != 0 || method.getReturnType() == void.class) {
      return null;
    }
    String name = method.getName();
    if (name.startsWith("get") && name.length() > 3) {
      return decapitalize(name.substring(3));
    }
    boolean booleanType = method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class;
    if (name.startsWith("is") && name.length() > 2 && booleanType) {
      return decapitalize(name.substring(2));
    }
    return null;
  }

  /** The option name of a setter, or null if {@code method} is not one. */
  static String setterProperty(Method method) {
    String name = method.getName();
    if (method.getParameterCount() == 1
        && method.getReturnType() == void.class
        && name.startsWith("set")
        && name.length() > 3) {
      return decapitalize(name.substring(3));
    }
    return null;
  }

  /** {@code JobName} gives {@code jobName}; {@code URL} stays {@code URL}, as in JavaBeans. */
  static String decapitalize(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code MyOptions.getFoo()} or {@code MyOptions.setFoo(int)}, for messages. */
  static String describe(Class<?> iface, Method method) {
    StringBuilder params = new StringBuilder();
    for (Class<?> p : method.getParameterTypes()) {
      params.append(params.length() == 0 ? "" : ", ").append(p.getSimpleName());
    }
    return iface.getName() + "." + method.getName() + "(" + params + ")";
  }
}
