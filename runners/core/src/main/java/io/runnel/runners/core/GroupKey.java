package io.runnel.runners.core;

import io.runnel.windowing.BoundedWindow;

/**
 * The identity of a group: a key's structural value (equal for keys that encode equally) and a
 * window. For the global window the structural key alone is used, saving an object per element.
 */
record GroupKey(Object structuralKey, BoundedWindow window) {
  static Object of(Object structuralKey, BoundedWindow window, boolean globalOnly) {
    return globalOnly ? structuralKey : new GroupKey(structuralKey, window);
  }
}
