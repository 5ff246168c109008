/**
 * Runnable example pipelines: {@link io.runnel.samples.WordCount} (batch) and {@link
 * io.runnel.samples.LeaderboardStyle} (windowing, triggers and late data).
 */
package io.runnel.samples;
