package io.runnel.runners.core;

import io.runnel.windowing.BoundedWindow;
import java.util.LinkedHashMap;

/** The windows of one key in a {@link WindowedGrouping}, in the order they were created. */
final class KeyState<K, InputT, OutputT> {
  final K key;
  final Object structuralKey;
  final LinkedHashMap<BoundedWindow, WindowState<K, InputT, OutputT>> windows = new LinkedHashMap<>();

  KeyState(K key, Object structuralKey) {
    this.key = key;
    this.structuralKey = structuralKey;
  }
}
