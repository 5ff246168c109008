package io.runnel.runners.core.execution;

import io.runnel.runners.core.WindowedValue;
import java.util.List;

/** Takes elements pushed along a fused chain. Owned by one thread at a time. */
@FunctionalInterface
interface Receiver {
  Receiver DISCARD = value -> {};

  void accept(WindowedValue<?> value);

  /** A receiver that hands each element to all of {@code receivers}, in order. */
  static Receiver fanOut(List<Receiver> receivers) {
    if (receivers.isEmpty()) {
      return DISCARD;
    }
    if (receivers.size() == 1) {
      return receivers.get(0);
    }
    Receiver[] all = receivers.toArray(new Receiver[0]);
    return value -> {
      for (Receiver receiver : all) {
        receiver.accept(value);
      }
    };
  }
}
