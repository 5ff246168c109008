/** Runnable example pipelines; see {@link io.runnel.samples.WordCount}. */
package io.runnel.samples;
