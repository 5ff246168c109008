package io.runnel.sdk.state;

/** The clock a {@link Timer} is set against. */
public enum TimeDomain {
  /**
   * Event time: the timer fires when the input watermark passes its timestamp. It holds the
   * output watermark at its output timestamp until it fires.
   */
  EVENT_TIME,

  /**
   * Processing time: the timer fires when the runner's clock passes its timestamp. The clock is
   * virtual under {@code TestStream}.
   */
  PROCESSING_TIME,

  /**
   * Processing time synchronized across upstream stages: fires when every upstream stage's
   * processing time has passed. Used by the runner's triggers; user timers rarely need it.
   */
  SYNCHRONIZED_PROCESSING_TIME
}
