package io.runnel.sdk.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves an options interface (on the type) or a single option (on its getter) out of the full
 * {@code --help} listing. Hidden options are still parsed; {@code --help=TheInterface} still lists
 * a hidden interface.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Hidden {}
