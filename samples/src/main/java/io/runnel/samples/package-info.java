/**
 * Runnable example pipelines: {@link io.runnel.samples.WordCount} (batch), {@link
 * io.runnel.samples.LeaderboardStyle} (windowing, triggers and late data), {@link
 * io.runnel.samples.FraudRules} (alert rules over sliding windows) and {@link
 * io.runnel.samples.RiskEngine} (per-window aggregates joined with {@code CoGroupByKey}).
 */
package io.runnel.samples;
