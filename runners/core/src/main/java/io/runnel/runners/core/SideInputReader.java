package io.runnel.runners.core;

import io.runnel.sdk.values.PCollectionView;
import io.runnel.windowing.BoundedWindow;

/** Reads side inputs for a {@link DoFnRunner}: the view's value for a main-input window. */
public interface SideInputReader {
  /** The value of {@code view} for an element in {@code mainWindow}. */
  <T> T get(PCollectionView<T> view, BoundedWindow mainWindow);

  /** A reader for a {@code DoFn} with no side inputs. */
  static SideInputReader empty() {
    return new SideInputReader() {
      @Override
      public <T> T get(PCollectionView<T> view, BoundedWindow mainWindow) {
        throw new IllegalArgumentException(view + " is not a side input of this ParDo; add it"
            + " with .withSideInputs(view)");
      }
    };
  }
}
