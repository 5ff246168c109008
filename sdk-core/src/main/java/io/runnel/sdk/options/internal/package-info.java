/**
 * Implementation of {@link io.runnel.sdk.options.PipelineOptionsFactory}: interface validation,
 * the registry, argument parsing, value conversion, the proxy handler and help formatting. Not
 * API: anything here may change without notice.
 */
package io.runnel.sdk.options.internal;
