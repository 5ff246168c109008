package io.runnel.sdk.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Default values for options, placed on the getter. At most one {@code @Default.*} annotation per
 * option; the annotation must fit the option's type, which is checked when the interface is
 * registered (not when the option is first read).
 *
 * <p>An option without a default reads as null, or as zero/false for a primitive type. Static
 * defaults are not stored in the options, so {@link PipelineOptionsFactory#toMap} leaves them out
 * and the receiving side applies the same annotation. {@link InstanceFactory} defaults are stored
 * once computed; see {@link DefaultValueFactory}.
 */
public @interface Default {

  /**
   * A default written in the command-line syntax of the option's type, so it fits any supported
   * type: {@code @Default.String("PT5M")} on a {@code Duration} option, {@code
   * @Default.String("a,b")} on a {@code List<String>} option.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface String {
    java.lang.String value();
  }

  /** Default for an {@code int} or {@code Integer} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Integer {
    int value();
  }

  /** Default for a {@code long} or {@code Long} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Long {
    long value();
  }

  /** Default for a {@code boolean} or {@code Boolean} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Boolean {
    boolean value();
  }

  /** Default for a {@code double} or {@code Double} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Double {
    double value();
  }

  /** Default for a {@code float} or {@code Float} option. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Float {
    float value();
  }

  /** Default for an enum option: the name of one of its constants. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Enum {
    java.lang.String value();
  }

  /**
   * A default computed by a {@link DefaultValueFactory} the first time the option is read unset.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface InstanceFactory {
    Class<? extends DefaultValueFactory<?>> value();
  }
}
