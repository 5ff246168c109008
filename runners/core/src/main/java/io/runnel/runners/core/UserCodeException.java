package io.runnel.runners.core;

/** Wraps an exception thrown by user code (a DoFn, CombineFn or coder) so runners can tell it apart. */
public final class UserCodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private UserCodeException(Throwable cause) {
    super(cause.toString(), cause);
  }

  /** {@code t} wrapped, or itself if it is already wrapped. */
  public static UserCodeException wrap(Throwable t) {
    return t instanceof UserCodeException u ? u : new UserCodeException(t);
  }
}
