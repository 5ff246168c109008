package io.runnel.sdk.transforms.internal;

/**
 * What one parameter of an annotated {@code DoFn} method asks the runner for.
 *
 * @param kind what is injected
 * @param sideInputId for {@link Kind#SIDE_INPUT}, the id given to {@code @SideInput}; else null
 */
public record DoFnParameter(Kind kind, String sideInputId) {
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
    SIDE_INPUT
  }

  public static DoFnParameter of(Kind kind) {
    return new DoFnParameter(kind, null);
  }
}
