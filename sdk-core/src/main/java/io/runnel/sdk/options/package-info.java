/**
 * Typed pipeline options, as in Apache Beam: options are getter/setter pairs on interfaces
 * extending {@link io.runnel.sdk.options.PipelineOptions}, annotated with {@link
 * io.runnel.sdk.options.Description}, {@link io.runnel.sdk.options.Default} and {@link
 * io.runnel.sdk.options.Validation}, and created by {@link
 * io.runnel.sdk.options.PipelineOptionsFactory} from command-line arguments. Runner and IO
 * modules contribute their own interfaces through {@link
 * io.runnel.sdk.options.PipelineOptionsRegistrar}.
 */
package io.runnel.sdk.options;
