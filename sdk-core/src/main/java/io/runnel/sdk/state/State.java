package io.runnel.sdk.state;

/**
 * A piece of per-key, per-window state of a stateful {@code DoFn}. Valid only inside the
 * {@code DoFn} call that received it; not thread-safe.
 */
public interface State {
  /** Removes everything held in this state; later reads see it empty. */
  void clear();
}
