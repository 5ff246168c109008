package io.runnel.runners.core.state;

import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.windowing.IntervalWindow;
import java.time.Instant;

/** Keys, namespaces and ranges shared by the state tests. */
final class StateFixtures {
  static final int MAX_PARALLELISM = KeyGroups.DEFAULT_MAX_PARALLELISM;
  static final KeyGroupRange ALL = KeyGroupRange.all(MAX_PARALLELISM);
  static final StateNamespace WINDOW = StateNamespace.window(IntervalWindow.getCoder(),
      new IntervalWindow(Instant.EPOCH, Instant.ofEpochSecond(60)));
  static final StateNamespace OTHER_WINDOW = StateNamespace.window(IntervalWindow.getCoder(),
      new IntervalWindow(Instant.ofEpochSecond(60), Instant.ofEpochSecond(120)));

  private StateFixtures() {}

  static StateKey key(String key) {
    return StateKey.of(StringUtf8Coder.of(), key, MAX_PARALLELISM);
  }
}
