package io.runnel.sdk.options.internal;

import io.runnel.sdk.options.PipelineOptions;
import java.util.ArrayList;
import java.util.List;

/** Checks the {@code @Validation.Required} options of one view. */
public final class RequiredOptionsValidator {
  private RequiredOptionsValidator() {}

  /**
   * Checks that every required option of {@code view}'s interface (inherited ones included) has a
   * value: set, or a default that is not null. A primitive option only counts as having a value
   * when set or annotated with a default.
   *
   * @throws IllegalArgumentException naming every missing option with its description
   */
  public static void validate(PipelineOptions view, OptionsInterfaceModel model) {
    OptionsState state = OptionsInvocationHandler.stateOf(view);
    List<String> missing = new ArrayList<>();
    for (OptionProperty property : model.properties().values()) {
      if (property.required() && !hasValue(state, property, view)) {
        missing.add(
            "--" + property.name() + "=" + OptionValueCodec.placeholder(property.type())
                + (property.description() == null ? "" : " (" + property.description() + ")"));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              "Missing required option%s of %s: %s. Pass %s on the command line or set %s.",
              missing.size() == 1 ? "" : "s", model.iface().getName(), String.join("; ", missing),
              missing.size() == 1 ? "it" : "them", missing.size() == 1 ? "it" : "them"));
    }
  }

  private static boolean hasValue(OptionsState state, OptionProperty property, PipelineOptions view) {
    if (state.isSet(property.name())) {
      return state.get(property, view) != null;
    }
    if (property.type() instanceof Class<?> c && c.isPrimitive()) {
      return !(property.defaultValue() instanceof OptionDefault.None);
    }
    return state.get(property, view) != null;
  }
}
