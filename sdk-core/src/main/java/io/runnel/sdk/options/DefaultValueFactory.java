package io.runnel.sdk.options;

/**
 * Computes the default value of an option whose getter is annotated with {@link
 * Default.InstanceFactory}.
 *
 * <p>The factory is instantiated through its no-argument constructor (which may be private) and
 * called the first time the option is read without having been set. The result is then stored in
 * the options as if it had been set, so later reads, other views and serialized copies all see the
 * same value (this matters for values such as a generated job name).
 *
 * @param <T> the option's type (boxed for primitives)
 */
@FunctionalInterface
public interface DefaultValueFactory<T> {
  /**
   * The default value for the option.
   *
   * @param options the options being read; the factory may read other options through it (for
   *     example with {@link PipelineOptions#as}), but must not read the option it computes
   * @return the default, or null for none
   */
  T create(PipelineOptions options);
}
