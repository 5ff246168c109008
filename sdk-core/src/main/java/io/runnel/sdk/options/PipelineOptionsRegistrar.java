package io.runnel.sdk.options;

/**
 * Contributes options interfaces to {@link PipelineOptionsFactory}, found through {@link
 * java.util.ServiceLoader}: a runner or IO module lists its implementation in {@code
 * META-INF/services/io.runnel.sdk.options.PipelineOptionsRegistrar}, and its options (for example
 * the direct runner's {@code --directParallelism}) are then parsed by {@code fromArgs} and listed
 * by {@code --help} without the SDK knowing them.
 *
 * <p>Registrars are loaded once, on the first use of the factory, from the thread's context class
 * loader (or the SDK's own loader when there is none). Implementations need a public no-argument
 * constructor.
 */
public interface PipelineOptionsRegistrar {
  /** The options interfaces to register; each is validated as by {@link PipelineOptionsFactory#register}. */
  Iterable<Class<? extends PipelineOptions>> getPipelineOptions();
}
