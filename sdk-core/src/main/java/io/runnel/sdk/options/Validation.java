package io.runnel.sdk.options;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Validation annotations for option getters, checked by {@link PipelineOptionsFactory.Builder#withValidation()}. */
public @interface Validation {

  /**
   * The option must have a value: it was set, or has a default (a {@link Default.InstanceFactory}
   * default counts when it computes a non-null value). For a primitive option, only an explicit
   * value or a {@code @Default} annotation satisfies it, since a primitive is never null.
   *
   * <p>Checked only when options are built with {@link PipelineOptionsFactory.Builder#withValidation()},
   * and only for the interface passed to {@link PipelineOptionsFactory.Builder#as} (with its
   * super-interfaces). The error names every missing option with its {@link Description}.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Required {}
}
