package io.runnel.runners.core.execution;

/**
 * User code of a transform failed on an element. Carries the transform's name and the element,
 * and the user's exception as its cause; passes through enclosing fused transforms unchanged.
 */
public final class TransformFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_ELEMENT_CHARS = 200;

  public TransformFailure(String transform, String what, Object element, Throwable cause) {
    super("Transform '" + transform + "' failed " + what
        + (element == null ? "" : " element '" + abbreviate(element) + "'")
        + ": " + cause, cause);
  }

  public TransformFailure(String message) {
    super(message);
  }

  public TransformFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code element}'s text, cut to a readable length, for error messages. */
  public static String abbreviate(Object element) {
    String text;
    try {
      text = String.valueOf(element);
    } catch (RuntimeException e) {
      text = element.getClass().getName() + " (toString failed: " + e + ")";
    }
    return text.length() <= MAX_ELEMENT_CHARS ? text : text.substring(0, MAX_ELEMENT_CHARS) + "...";
  }
}
