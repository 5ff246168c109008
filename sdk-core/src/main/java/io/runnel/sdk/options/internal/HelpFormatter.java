package io.runnel.sdk.options.internal;

import io.runnel.sdk.options.Description;
import io.runnel.sdk.options.Hidden;
import io.runnel.sdk.options.PipelineOptions;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Formats the {@code --help} listing: options grouped by the interface declaring them, each with
 * its usage, description, type, default and whether it is required. Options and interfaces
 * annotated {@link Hidden} are left out (an interface asked for by name is listed anyway).
 */
public final class HelpFormatter {
  private static final String USAGE =
      "Options are passed as --name=value. A boolean option alone (--flag) means true; a list option"
          + " takes comma-separated values or may be repeated. --help=<Interface> lists the options"
          + " of one interface.";

  private HelpFormatter() {}

  /** The options of every registered, non-hidden interface. */
  public static String allInterfaces(OptionsRegistry registry) {
    StringBuilder out = new StringBuilder(USAGE).append('\n');
    for (Class<? extends PipelineOptions> iface : registry.interfaces()) {
      if (!iface.isAnnotationPresent(Hidden.class)) {
        OptionsInterfaceModel model = registry.register(iface);
        appendGroup(out, iface, model, model.declaredProperties());
      }
    }
    return out.toString();
  }

  /** The options of {@code model}'s interface, inherited ones included, grouped by declaring interface. */
  public static String oneInterface(OptionsInterfaceModel model) {
    StringBuilder out = new StringBuilder(USAGE).append('\n');
    for (Class<?> declaring : selfAndSuperInterfaces(model.iface())) {
      appendGroup(out, declaring, model, declaredOptionNames(declaring, model));
    }
    return out.toString();
  }

  private static void appendGroup(
      StringBuilder out, Class<?> iface, OptionsInterfaceModel model, Set<String> names) {
    List<OptionProperty> shown = new ArrayList<>();
    for (String name : names) {
      OptionProperty property = model.property(name);
      if (property != null && !property.hidden()) {
        shown.add(property);
      }
    }
    if (shown.isEmpty()) {
      return;
    }
    out.append('\n').append(iface.getName()).append(':').append('\n');
    Description description = iface.getAnnotation(Description.class);
    if (description != null) {
      out.append("  ").append(description.value()).append('\n');
    }
    for (OptionProperty property : shown) {
      appendOption(out, property);
    }
  }

  private static void appendOption(StringBuilder out, OptionProperty property) {
    out.append("  --").append(property.name()).append('=').append(OptionValueCodec.placeholder(property.type()));
    if (property.required()) {
      out.append("  (required)");
    }
    out.append('\n');
    if (property.description() != null) {
      out.append("      ").append(property.description()).append('\n');
    }
    out.append("      Type: ").append(OptionValueCodec.describe(property.type())).append('\n');
    String defaultText = defaultText(property);
    if (defaultText != null) {
      out.append("      Default: ").append(defaultText).append('\n');
    }
  }

  private static String defaultText(OptionProperty property) {
    OptionDefault d = property.defaultValue();
    if (d instanceof OptionDefault.Constant constant) {
      return OptionValueCodec.format(property.type(), constant.value());
    }
    if (d instanceof OptionDefault.Computed computed) {
      return "computed by " + computed.factory().getName().replace('$', '.');
    }
    return null;
  }

  private static Set<String> declaredOptionNames(Class<?> iface, OptionsInterfaceModel model) {
    Set<String> names = new TreeSet<>();
    for (Method method : iface.getDeclaredMethods()) {
      String name = Accessors.getterProperty(method);
      if (name != null && model.property(name) != null) {
        names.add(name);
      }
    }
    return names;
  }

  /** {@code iface} first, then its options super-interfaces breadth-first, ending with PipelineOptions. */
  private static List<Class<?>> selfAndSuperInterfaces(Class<?> iface) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> queue = new ArrayDeque<>(List.of(iface));
    while (!queue.isEmpty()) {
      Class<?> next = queue.removeFirst();
      if (PipelineOptions.class.isAssignableFrom(next) && next != PipelineOptions.class && seen.add(next)) {
        queue.addAll(List.of(next.getInterfaces()));
      }
    }
    List<Class<?>> ordered = new ArrayList<>(seen);
    ordered.add(PipelineOptions.class);
    return ordered;
  }
}
