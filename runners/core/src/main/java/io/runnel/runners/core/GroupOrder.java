package io.runnel.runners.core;

import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Where the model leaves order open (groups of a grouping, values within a group, elements of a
 * bundle), a runner either keeps arrival order or permutes it from a seed, to expose user code
 * that depends on an order nobody promised. Owned by one thread.
 */
public final class GroupOrder {
  private static final GroupOrder ARRIVAL = new GroupOrder(null);

  private final Random random;

  private GroupOrder(Random random) {
    this.random = random;
  }

  /** Keeps arrival order. */
  public static GroupOrder arrival() {
    return ARRIVAL;
  }

  /** Permutes with a generator seeded by {@code seed}: the same seed, the same permutations. */
  public static GroupOrder shuffled(long seed) {
    return new GroupOrder(new Random(seed));
  }

  /** Whether this order permutes. */
  public boolean isShuffled() {
    return random != null;
  }

  /** Permutes {@code list} in place, or leaves it. */
  public void shuffle(List<?> list) {
    if (random != null && list.size() > 1) {
      Collections.shuffle(list, random);
    }
  }

  /** A size between 1 and {@code 2 * typical}, or {@code typical} when not shuffling. */
  public int bundleSize(int typical) {
    return random == null ? typical : 1 + random.nextInt(2 * typical);
  }
}
