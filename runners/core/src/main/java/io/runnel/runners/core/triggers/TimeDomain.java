package io.runnel.runners.core.triggers;

/**
 * The clock a trigger timer follows. Synchronized processing time (Beam's third domain) is
 * approximated by processing time in this engine.
 */
public enum TimeDomain {
  /** The input watermark of the grouping. */
  EVENT_TIME,
  /** The (possibly virtual) processing-time clock the runner passes in. */
  PROCESSING_TIME
}
