package io.runnel.sdk.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A human-readable description of an option (on its getter) or of a whole options interface (on
 * the interface). Shown by {@code --help} and in the error for a missing required option.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Description {
  /** The description; one or two sentences, no trailing newline. */
  String value();
}
