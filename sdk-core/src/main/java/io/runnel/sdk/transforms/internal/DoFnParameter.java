package io.runnel.sdk.transforms.internal;

/**
 * What one parameter of an annotated {@code DoFn} method asks the runner for.
 *
 * @param kind what is injected
 * @param id for {@link Kind#SIDE_INPUT}, {@link Kind#STATE}, {@link Kind#TIMER} and {@link
 *     Kind#TIMER_FAMILY}, the id in the parameter's annotation; else null
 * @param alwaysFetched for {@link Kind#STATE}, whether the parameter is {@code @AlwaysFetched}:
 *     the runner should read the state before the call
 */
public record DoFnParameter(Kind kind, String id, boolean alwaysFetched) {
  /** The injectable things. */
  public enum Kind {
    ELEMENT,
    TIMESTAMP,
    WINDOW,
    PANE_INFO,
    OUTPUT_RECEIVER,
    MULTI_OUTPUT_RECEIVER,
    PROCESS_CONTEXT,
    START_BUNDLE_CONTEXT,
    FINISH_BUNDLE_CONTEXT,
    PIPELINE_OPTIONS,
    SIDE_INPUT,
    /** A {@code @StateId State} of a declared state. */
    STATE,
    /** A {@code @TimerId Timer} of a declared timer. */
    TIMER,
    /** A {@code @TimerFamily TimerMap} of a declared timer family. */
    TIMER_FAMILY,
    /** The {@code @TimerId String} of the firing timer, in an {@code @OnTimerFamily} method. */
    TIMER_ID,
    /** The {@code @Key} of the current key, in {@code @OnTimer} and {@code @OnWindowExpiration}. */
    KEY,
    /** The {@code TimeDomain} of the firing timer. */
    TIME_DOMAIN,
    ON_TIMER_CONTEXT,
    ON_WINDOW_EXPIRATION_CONTEXT,
    /**
     * A {@code DoFn.BundleFinalizer}, in {@code @ProcessElement}, {@code @StartBundle} and {@code
     * @FinishBundle}: callbacks to run once the bundle is committed.
     */
    BUNDLE_FINALIZER
  }

  /** A parameter of {@code kind}, with no id. */
  public static DoFnParameter of(Kind kind) {
    return new DoFnParameter(kind, null, false);
  }

  /** A parameter of {@code kind} naming the declaration or side input {@code id}. */
  public static DoFnParameter of(Kind kind, String id) {
    return new DoFnParameter(kind, id, false);
  }

  /** For {@link Kind#SIDE_INPUT}, the id given to {@code @SideInput}; else null. */
  public String sideInputId() {
    return kind == Kind.SIDE_INPUT ? id : null;
  }
}
