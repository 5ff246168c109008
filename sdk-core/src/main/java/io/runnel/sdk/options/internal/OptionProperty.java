package io.runnel.sdk.options.internal;

import java.lang.reflect.Type;

/**
 * One option as declared by an options interface: a getter/setter pair and its annotations.
 *
 * @param name the option name, as written after {@code --}; the getter's name without {@code
 *     get}/{@code is}, decapitalized as in JavaBeans ({@code getJobName} gives {@code jobName})
 * @param type the generic type shared by getter and setter
 * @param getterDescription the getter, for messages, e.g. {@code MyOptions.getJobName()}
 * @param description the {@code @Description}, or null
 * @param defaultValue the default
 * @param required whether it carries {@code @Validation.Required}
 * @param hidden whether it carries {@code @Hidden}
 */
public record OptionProperty(
    String name,
    Type type,
    String getterDescription,
    String description,
    OptionDefault defaultValue,
    boolean required,
    boolean hidden) {}
