package io.runnel.runners.core;

import io.runnel.sdk.transforms.DoFn;
import java.time.Instant;

/**
 * A callback a function registered through {@link DoFn.BundleFinalizer}: the runner runs it
 * once the bundle is durably committed, unless the wall clock is past its expiry by then, and
 * never for a bundle that failed. Immutable.
 *
 * @param expiry the wall-clock time after which the callback is dropped
 * @param callback what to run
 */
public record BundleCallback(Instant expiry, DoFn.BundleFinalizer.Callback callback) {
  /**
   * Runs the callback unless it expired at {@code now}; failures come out as {@link
   * UserCodeException}s.
   *
   * @return whether it ran
   */
  public boolean runIfLive(Instant now) {
    if (now.isAfter(expiry)) {
      return false;
    }
    try {
      callback.onBundleSuccess();
    } catch (Exception e) {
      throw UserCodeException.wrap(e);
    }
    return true;
  }
}
