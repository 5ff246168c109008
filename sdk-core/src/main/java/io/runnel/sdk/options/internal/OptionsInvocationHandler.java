package io.runnel.sdk.options.internal;

import io.runnel.sdk.options.PipelineOptions;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Implements one view (one options interface) of an {@link OptionsState}: getters read the
 * shared state, setters write it, {@code as} returns another view of the same state, and default
 * methods run as written. {@code equals} is identity, {@code toString} shows the set options.
 *
 * <p>Serializable: the view's interface by name and the shared state (which serializes as its
 * string map, see {@link OptionsState}).
 */
public final class OptionsInvocationHandler implements InvocationHandler, Serializable {
  private static final long serialVersionUID = 1L;

  private final OptionsState state;
  private final Class<? extends PipelineOptions> iface;
  private transient OptionsInterfaceModel model;

  OptionsInvocationHandler(OptionsState state, OptionsInterfaceModel model) {
    this.state = state;
    this.iface = model.iface();
    this.model = model;
  }

  /** The state behind {@code options}, or null if it was not made by {@code PipelineOptionsFactory}. */
  public static OptionsState stateOf(PipelineOptions options) {
    if (Proxy.isProxyClass(options.getClass())
        && Proxy.getInvocationHandler(options) instanceof OptionsInvocationHandler handler) {
      return handler.state;
    }
    return null;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return invokeObjectMethod(proxy, method, args);
    }
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    if (method.getDeclaringClass() == PipelineOptions.class && method.getName().equals("as")) {
      return state.view(asOptionsInterface((Class<?>) args[0]), OptionsRegistry.global());
    }
    String getter = Accessors.getterProperty(method);
    if (getter != null) {
      return state.get(property(getter, method), (PipelineOptions) proxy);
    }
    String setter = Accessors.setterProperty(method);
    if (setter != null) {
      state.set(property(setter, method), args[0]);
      return null;
    }
    throw new UnsupportedOperationException(
        Accessors.describe(iface, method) + " is not an option accessor of " + iface.getName());
  }

  private OptionProperty property(String name, Method method) {
    if (model == null) {
      model = OptionsRegistry.global().register(iface);
    }
    OptionProperty property = model.property(name);
    if (property == null) {
      throw new UnsupportedOperationException(
          Accessors.describe(iface, method) + " does not belong to a registered option of " + iface.getName());
    }
    return property;
  }

  private Object invokeObjectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return toString();
      default:
        throw new UnsupportedOperationException(method.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends PipelineOptions> asOptionsInterface(Class<?> kls) {
    if (kls == null) {
      throw new NullPointerException("as(null): pass an options interface");
    }
    if (!PipelineOptions.class.isAssignableFrom(kls)) {
      throw new IllegalArgumentException(
          kls.getName() + " does not extend " + PipelineOptions.class.getName() + "; as() views options"
              + " only through options interfaces.");
    }
    return (Class<? extends PipelineOptions>) kls;
  }

  @Override
  public String toString() {
    Map<String, String> set = state.toStringMap();
    return iface.getSimpleName() + set;
  }
}
