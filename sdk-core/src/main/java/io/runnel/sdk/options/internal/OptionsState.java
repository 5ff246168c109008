package io.runnel.sdk.options.internal;

import io.runnel.sdk.options.DefaultValueFactory;
import io.runnel.sdk.options.PipelineOptions;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values of one options object, shared by all its views (proxies).
 *
 * <p>Values set (by parsing, a setter, or a computed default) are held with their type. Values
 * read from the map form for options no registered interface declares are kept as text until a
 * view that declares them reads them, so options of interfaces unknown on this side survive a
 * round trip.
 *
 * <p>Serializable through {@link #writeReplace}: the state travels as its {@link #toStringMap()
 * string map} and is rebuilt with {@link #fromStringMap} on reading; identity within one stream
 * is kept, so views serialized together still share values after deserialization. Thread-safe:
 * all access is synchronized on the state.
 */
public final class OptionsState implements Serializable {
  private static final long serialVersionUID = 1L;

  private record TypedValue(Type type, Object value) {}

  private final Map<String, TypedValue> values = new HashMap<>();
  private final Map<String, String> unresolved = new HashMap<>();
  private transient Map<Class<?>, PipelineOptions> views;

  private OptionsState() {}

  /** Empty options: every option reads its default. */
  public static OptionsState empty() {
    return new OptionsState();
  }

  /**
   * Options with the given values set.
   *
   * @param values typed values by option name, as produced by {@link CommandLineParser}
   * @param registry the registry giving each option's type
   */
  public static OptionsState of(Map<String, Object> values, OptionsRegistry registry) {
    OptionsState state = new OptionsState();
    values.forEach((name, value) -> state.values.put(name, new TypedValue(registry.typeOf(name), value)));
    return state;
  }

  /**
   * Rebuilds options from {@link #toStringMap()}. Values of registered options are converted now;
   * others are kept as text until a view declaring them reads them.
   *
   * @throws IllegalArgumentException naming the option whose value does not fit its type
   */
  public static OptionsState fromStringMap(Map<String, String> map, OptionsRegistry registry) {
    OptionsState state = new OptionsState();
    map.forEach(
        (name, text) -> {
          if (text == null) {
            throw new IllegalArgumentException("Option --" + name + " has a null value in the map; leave it out instead.");
          }
          Type type = registry.typeOf(name);
          if (type == null) {
            state.unresolved.put(name, text);
          } else {
            state.values.put(name, new TypedValue(type, OptionsMapForm.decode(name, type, text)));
          }
        });
    return state;
  }

  /**
   * The set options (including computed defaults and not-yet-resolved values) as strings, sorted
   * by name. Options set to null and static annotation defaults are left out.
   */
  public synchronized Map<String, String> toStringMap() {
    Map<String, String> map = new TreeMap<>(unresolved);
    values.forEach(
        (name, typed) -> {
          if (typed.value() != null) {
            map.put(name, OptionsMapForm.encode(typed.type(), typed.value()));
          }
        });
    return map;
  }

  /** The view of these options through {@code iface}, created (and registered) on first use. */
  public synchronized <T extends PipelineOptions> T view(Class<T> iface, OptionsRegistry registry) {
    if (views == null) {
      views = new HashMap<>();
    }
    PipelineOptions view = views.get(iface);
    if (view == null) {
      OptionsInterfaceModel model = registry.register(iface);
      view =
          (PipelineOptions)
              Proxy.newProxyInstance(
                  iface.getClassLoader(), new Class<?>[] {iface}, new OptionsInvocationHandler(this, model));
      views.put(iface, view);
    }
    return iface.cast(view);
  }

  synchronized Object get(OptionProperty property, PipelineOptions view) {
    TypedValue typed = values.get(property.name());
    if (typed != null) {
      return typed.value();
    }
    String text = unresolved.remove(property.name());
    if (text != null) {
      Object value = OptionsMapForm.decode(property.name(), property.type(), text);
      values.put(property.name(), new TypedValue(property.type(), value));
      return value;
    }
    OptionDefault defaultValue = property.defaultValue();
    if (defaultValue instanceof OptionDefault.Constant constant) {
      return constant.value();
    }
    if (defaultValue instanceof OptionDefault.Computed computed) {
      Object value = compute(property, computed.factory(), view);
      values.put(property.name(), new TypedValue(property.type(), value));
      return value;
    }
    return PrimitiveDefaults.zeroOrNull(property.type());
  }

  synchronized void set(OptionProperty property, Object value) {
    unresolved.remove(property.name());
    values.put(property.name(), new TypedValue(property.type(), value));
  }

  /** Whether {@code name} was set (including a computed default or a value from the map form). */
  synchronized boolean isSet(String name) {
    return values.containsKey(name) || unresolved.containsKey(name);
  }

  private static Object compute(
      OptionProperty property, Class<? extends DefaultValueFactory<?>> factory, PipelineOptions view) {
    Object value;
    try {
      Constructor<? extends DefaultValueFactory<?>> constructor = factory.getDeclaredConstructor();
      constructor.setAccessible(true);
      value = constructor.newInstance().create(view);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Cannot compute the default of option --" + property.name() + " with "
              + factory.getName() + ": " + e, e);
    }
    Class<?> expected = PrimitiveDefaults.boxed(property.type());
    if (value != null && !expected.isInstance(value)) {
      throw new IllegalStateException(
          String.format(
              "%s computed %s (a %s) as the default of option --%s, which is of type %s;"
                  + " make the factory return that type.",
              factory.getName(), value, value.getClass().getName(), property.name(),
              property.type().getTypeName()));
    }
    return value;
  }

  private Object writeReplace() throws ObjectStreamException {
    return new SerializedForm(toStringMap());
  }

  /** What an {@link OptionsState} is serialized as: its string map. */
  private static final class SerializedForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> options;

    SerializedForm(Map<String, String> options) {
      this.options = new TreeMap<>(options);
    }

    private Object readResolve() throws ObjectStreamException {
      return fromStringMap(options, OptionsRegistry.global());
    }
  }
}
