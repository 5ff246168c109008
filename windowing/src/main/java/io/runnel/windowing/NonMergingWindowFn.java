package io.runnel.windowing;

/** A {@link WindowFn} whose windows never merge. */
public abstract class NonMergingWindowFn<T, W extends BoundedWindow> extends WindowFn<T, W> {
  private static final long serialVersionUID = 1L;

  @Override
  public final void mergeWindows(MergeContext c) {}

  @Override
  public final boolean isNonMerging() {
    return true;
  }
}
