package io.runnel.windowing;

/**
 * The trigger used when none is set: fires when the watermark passes the end of the window, then
 * again for every late element within the allowed lateness. Never finishes.
 */
public final class DefaultTrigger extends Trigger {
  private static final long serialVersionUID = 1L;
  private static final DefaultTrigger INSTANCE = new DefaultTrigger();

  private DefaultTrigger() {}

  /** The default trigger. */
  public static DefaultTrigger of() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "DefaultTrigger";
  }
}
