package io.runnel.runners.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.runners.core.state.StateNamespace;
import io.runnel.sdk.coders.Coder.StructuralByteArray;
import io.runnel.windowing.GlobalWindow;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The open-addressing table against a {@code HashMap}, over keys that crowd its probe runs. */
class LongKeyedTableTest {
  private static LiveWindow<Long> live(long key) {
    return new LiveWindow<>(new StateNamespace(new StructuralByteArray(new byte[] {1}),
        new StructuralByteArray(new byte[0])), key, GlobalWindow.INSTANCE,
        GlobalWindow.INSTANCE.maxTimestamp(), 0, key);
  }

  /** Keys whose first slot in the initial 16-slot table is {@code slot}. */
  private static long[] keysAt(int slot, int count) {
    long[] keys = new long[count];
    int found = 0;
    for (long key = 0; found < count; key++) {
      if (LongKeyedTable.home(key, 4) == slot) {
        keys[found++] = key;
      }
    }
    return keys;
  }

  /** A probe run that wraps past the last slot, and removals from its middle. */
  @org.junit.jupiter.api.Test
  void removalsKeepARunThatWrapsAroundTheEndFindable() {
    long[] atEnd = keysAt(15, 3);
    long[] atStart = keysAt(0, 2);
    long atFourteen = keysAt(14, 1)[0];
    for (long[] order : new long[][] {{atEnd[0], atEnd[1], atStart[0], atEnd[2], atStart[1]},
        {atFourteen, atEnd[0], atEnd[1], atStart[0]}}) {
      removeEachFromEveryPrefix(order);
    }
  }

  private static void removeEachFromEveryPrefix(long[] order) {
    for (int n = 2; n <= order.length; n++) {
      long[] all = java.util.Arrays.copyOf(order, n);
      for (int removed = 0; removed < n; removed++) {
        LongKeyedTable<Long> table = new LongKeyedTable<>();
        for (long key : all) {
          table.add(live(key));
        }
        table.remove(all[removed]);
        for (int i = 0; i < n; i++) {
          if (i == removed) {
            assertThat(table.get(all[i])).as("removed key %d", all[i]).isNull();
          } else {
            assertThat(table.get(all[i])).as("key %d of %d after removing %d", all[i], n,
                all[removed]).isNotNull();
          }
        }
        assertThat(table.size()).isEqualTo(n - 1);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void agreesWithAHashMap(long seed) {
    Random random = new Random(seed);
    LongKeyedTable<Long> table = new LongKeyedTable<>();
    Map<Long, LiveWindow<Long>> model = new HashMap<>();
    for (int step = 0; step < 200_000; step++) {
      // Small ranges, multiples of large powers of two and negatives: long probe runs that wrap.
      long key = switch (random.nextInt(3)) {
        case 0 -> random.nextInt(2_000);
        case 1 -> (long) random.nextInt(64) << (32 + random.nextInt(20));
        default -> -random.nextInt(500);
      };
      int op = random.nextInt(10);
      if (op < 5) {
        if (!model.containsKey(key)) {
          LiveWindow<Long> added = live(key);
          table.add(added);
          model.put(key, added);
        }
      } else if (op < 8) {
        table.remove(key);
        model.remove(key);
      }
      assertThat(table.get(key)).isSameAs(model.get(key));
      assertThat(table.size()).isEqualTo(model.size());
    }
    for (Map.Entry<Long, LiveWindow<Long>> entry : model.entrySet()) {
      assertThat(table.get(entry.getKey())).isSameAs(entry.getValue());
    }
    for (long key : model.keySet().toArray(new Long[0])) {
      table.remove(key);
    }
    assertThat(table.size()).isZero();
  }
}
