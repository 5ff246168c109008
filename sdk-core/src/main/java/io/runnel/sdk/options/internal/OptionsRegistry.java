package io.runnel.sdk.options.internal;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsRegistrar;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The options interfaces known to the process: {@link PipelineOptions}, those contributed by
 * {@link PipelineOptionsRegistrar}s (loaded once, on first use) and those registered explicitly or
 * viewed through {@code as()}. Registration validates the interface and checks that an option
 * name has one type across all interfaces. Thread-safe; registration only ever adds.
 */
public final class OptionsRegistry {
  private static OptionsRegistry global;

  private final Map<Class<?>, OptionsInterfaceModel> models = new LinkedHashMap<>();
  private final Map<String, OptionProperty> propertiesByName = new TreeMap<>();

  private OptionsRegistry() {}

  /**
   * The process-wide registry, created with {@link PipelineOptions} and the registrars' interfaces
   * on the first call.
   *
   * @throws IllegalArgumentException if a registrar contributes a malformed interface; the
   *     registry is then not kept, so every call reports the problem
   */
  public static synchronized OptionsRegistry global() {
    if (global == null) {
      OptionsRegistry registry = new OptionsRegistry();
      registry.register(PipelineOptions.class);
      registry.discoverRegistrars();
      global = registry;
    }
    return global;
  }

  /**
   * Validates {@code iface} and adds it, if it was not yet registered.
   *
   * @return the interface's model
   * @throws IllegalArgumentException if {@code iface} is malformed or declares an option whose
   *     type differs from the same option in another registered interface
   */
  public synchronized OptionsInterfaceModel register(Class<?> iface) {
    OptionsInterfaceModel known = models.get(iface);
    if (known != null) {
      return known;
    }
    OptionsInterfaceModel model = OptionsInterfaceInspector.inspect(iface);
    for (OptionProperty property : model.properties().values()) {
      OptionProperty existing = propertiesByName.get(property.name());
      if (existing != null && !existing.type().equals(property.type())) {
        throw new IllegalArgumentException(
            String.format(
                "Option --%s is declared as %s by %s but as %s by %s; an option has one type in all"
                    + " options interfaces. Rename one of them or declare the same type.",
                property.name(), property.type().getTypeName(), property.getterDescription(),
                existing.type().getTypeName(), existing.getterDescription()));
      }
    }
    models.put(iface, model);
    for (OptionProperty property : model.properties().values()) {
      propertiesByName.putIfAbsent(property.name(), property);
    }
    return model;
  }

  /** The registered interfaces, {@link PipelineOptions} first, then by name. */
  public synchronized List<Class<? extends PipelineOptions>> interfaces() {
    return models.values().stream()
        .<Class<? extends PipelineOptions>>map(OptionsInterfaceModel::iface)
        .sorted(
            Comparator.comparing((Class<?> c) -> c != PipelineOptions.class)
                .thenComparing(Class::getName))
        .toList();
  }

  /** The type of option {@code name} in every registered interface that declares it, or null. */
  public synchronized Type typeOf(String name) {
    OptionProperty property = propertiesByName.get(name);
    return property == null ? null : property.type();
  }

  /** The names of all registered options, sorted. */
  public synchronized Set<String> optionNames() {
    return Collections.unmodifiableSet(new TreeSet<>(propertiesByName.keySet()));
  }

  /** Up to three registered option names closest to {@code typed}. */
  public List<String> closestOptionNames(String typed) {
    return ClosestNames.closest(typed, optionNames());
  }

  /** Up to three registered interface names (simple or full) closest to {@code typed}. */
  public List<String> closestInterfaceNames(String typed) {
    Set<String> names = new TreeSet<>();
    for (Class<?> iface : interfaces()) {
      names.add(typed.contains(".") ? iface.getName() : iface.getSimpleName());
    }
    return ClosestNames.closest(typed, names);
  }

  private void discoverRegistrars() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = OptionsRegistry.class.getClassLoader();
    }
    for (PipelineOptionsRegistrar registrar : ServiceLoader.load(PipelineOptionsRegistrar.class, loader)) {
      for (Class<? extends PipelineOptions> iface : registrar.getPipelineOptions()) {
        try {
          register(iface);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "PipelineOptionsRegistrar " + registrar.getClass().getName()
                  + " contributes an invalid options interface: " + e.getMessage(), e);
        }
      }
    }
  }
}
