package io.runnel.windowing;

import io.runnel.sdk.coders.Coder;
import java.util.Collection;
import java.util.List;

/** Assigns every element to the single {@link GlobalWindow}; the default windowing. */
public final class GlobalWindows extends NonMergingWindowFn<Object, GlobalWindow> {
  private static final long serialVersionUID = 1L;
  private static final List<GlobalWindow> ONLY = List.of(GlobalWindow.INSTANCE);

  @Override
  public Collection<GlobalWindow> assignWindows(AssignContext c) {
    return ONLY;
  }

  /** Every main window reads the global window of a globally windowed side input. */
  @Override
  public WindowMappingFn<GlobalWindow> getDefaultWindowMappingFn() {
    return TO_GLOBAL;
  }

  private static final WindowMappingFn<GlobalWindow> TO_GLOBAL = new ToGlobal();

  private static final class ToGlobal extends WindowMappingFn<GlobalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public GlobalWindow getSideInputWindow(BoundedWindow mainWindow) {
      return GlobalWindow.INSTANCE;
    }
  }

  @Override
  public boolean assignsToOneWindow() {
    return true;
  }

  @Override
  public Coder<GlobalWindow> windowCoder() {
    return GlobalWindow.Coder.INSTANCE;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GlobalWindows;
  }

  @Override
  public int hashCode() {
    return GlobalWindows.class.hashCode();
  }

  @Override
  public String toString() {
    return "GlobalWindows";
  }
}
