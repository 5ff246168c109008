package io.runnel.runners.core.state;

import static io.runnel.runners.core.state.StateFixtures.ALL;
import static io.runnel.runners.core.state.StateFixtures.MAX_PARALLELISM;
import static io.runnel.runners.core.state.StateFixtures.OTHER_WINDOW;
import static io.runnel.runners.core.state.StateFixtures.WINDOW;
import static io.runnel.runners.core.state.StateFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.state.BagState;
import io.runnel.sdk.state.MapState;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Sum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStateBackendTest {
  private static final StateTag.Value<String> VALUE = new StateTag.Value<>("value",
      StringUtf8Coder.of());
  private static final StateTag.Bag<Integer> BAG = new StateTag.Bag<>("bag", VarIntCoder.of());
  private static final StateTag.Combining<Long, ?, Long> SUM = combining();
  private static final StateTag.Map<String, Integer> MAP = new StateTag.Map<>("map",
      StringUtf8Coder.of(), VarIntCoder.of());

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static StateTag.Combining<Long, ?, Long> combining() {
    var fn = (io.runnel.sdk.transforms.Combine.CombineFn) Sum.ofLongs();
    try {
      return new StateTag.Combining<>("sum", fn,
          fn.getAccumulatorCoder(io.runnel.sdk.coders.CoderRegistry.createDefault(),
              VarLongCoder.of()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void stateBelongsToTheCurrentKeyAndNamespace() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    backend.setCurrentKey(key("a"));
    backend.writeValue(WINDOW, VALUE, "a in w");
    backend.writeValue(OTHER_WINDOW, VALUE, "a in other");
    backend.setCurrentKey(key("b"));
    backend.writeValue(WINDOW, VALUE, "b in w");

    assertThat(backend.readValue(OTHER_WINDOW, VALUE)).isNull();
    backend.setCurrentKey(key("a"));
    assertThat(backend.readValue(WINDOW, VALUE)).isEqualTo("a in w");
    assertThat(backend.readValue(OTHER_WINDOW, VALUE)).isEqualTo("a in other");
    assertThat(backend.liveNamespaces()).isEqualTo(3);
    assertThat(backend.liveCells()).isEqualTo(3);
  }

  @Test
  void partialOperationsAppendAddAndPutWithoutReadingTheWholeCell() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    backend.setCurrentKey(key("a"));
    backend.addToBag(WINDOW, BAG, 1);
    backend.addToBag(WINDOW, BAG, 2);
    backend.addToCombining(WINDOW, SUM, 5L);
    backend.addToCombining(WINDOW, SUM, 7L);
    backend.putMapEntry(WINDOW, MAP, "x", 1);
    backend.putMapEntry(WINDOW, MAP, "y", 2);
    backend.putMapEntry(WINDOW, MAP, "x", 3);

    assertThat(backend.readBag(WINDOW, BAG)).containsExactly(1, 2);
    assertThat(readSum(backend, WINDOW)).isEqualTo(12L);
    assertThat(backend.readMapEntry(WINDOW, MAP, "x")).isEqualTo(3);
    assertThat(entries(backend.readMap(WINDOW, MAP))).containsExactly("x=3", "y=2");
    backend.putMapEntry(WINDOW, MAP, "x", null);
    assertThat(entries(backend.readMap(WINDOW, MAP))).containsExactly("y=2");
  }

  @Test
  void countsLiveCellsAndNamespacesAsCellsAreClearedAndDropsEmptyKeys() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    backend.setCurrentKey(key("a"));
    backend.writeValue(WINDOW, VALUE, "v");
    backend.addToBag(WINDOW, BAG, 1);
    backend.addToBag(OTHER_WINDOW, BAG, 2);

    backend.clear(WINDOW, VALUE);
    assertThat(backend.liveCells()).isEqualTo(2);
    assertThat(backend.isEmpty(WINDOW, VALUE)).isTrue();
    backend.clearNamespace(WINDOW);
    backend.putMapEntry(OTHER_WINDOW, MAP, "x", null);
    backend.clear(OTHER_WINDOW, BAG);

    assertThat(backend.liveCells()).isZero();
    assertThat(backend.liveNamespaces()).isZero();
    List<String> seen = new ArrayList<>();
    backend.forEachNamespace((k, n) -> seen.add(k + " " + n));
    assertThat(seen).isEmpty();
  }

  @Test
  void aSnapshotRestoresEveryKindOfCellIntoAnotherBackend() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    backend.setCurrentKey(key("a"));
    backend.writeValue(WINDOW, VALUE, "v");
    backend.addToBag(WINDOW, BAG, 1);
    backend.addToBag(WINDOW, BAG, 2);
    backend.addToCombining(OTHER_WINDOW, SUM, 40L);
    backend.putMapEntry(StateNamespace.KEY, MAP, "k", 9);

    InMemoryStateBackend restored = new InMemoryStateBackend();
    restored.restore(backend.snapshot(ALL));
    restored.setCurrentKey(key("a"));

    assertThat(restored.readValue(WINDOW, VALUE)).isEqualTo("v");
    assertThat(restored.readBag(WINDOW, BAG)).containsExactly(1, 2);
    restored.addToCombining(OTHER_WINDOW, SUM, 2L);
    assertThat(readSum(restored, OTHER_WINDOW)).isEqualTo(42L);
    assertThat(restored.readMapEntry(StateNamespace.KEY, MAP, "k")).isEqualTo(9);
    assertThat(restored.liveCells()).isEqualTo(4);
    assertThat(restored.liveNamespaces()).isEqualTo(3);
  }

  @Test
  void aSnapshotOfARangeHoldsOnlyItsKeyGroupsAndRestoreReplacesOnlyThose() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    List<StateKey> keys = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StateKey k = key("k" + i);
      keys.add(k);
      backend.setCurrentKey(k);
      backend.writeValue(WINDOW, VALUE, "v" + i);
    }
    KeyGroupRange lower = new KeyGroupRange(0, MAX_PARALLELISM / 2 - 1);
    KeyGroupRange upper = new KeyGroupRange(MAX_PARALLELISM / 2, MAX_PARALLELISM - 1);
    InMemoryStateBackend restored = new InMemoryStateBackend(MAX_PARALLELISM, upper);
    restored.restore(backend.snapshot(upper));

    long inUpper = keys.stream().filter(k -> upper.contains(k.keyGroup())).count();
    assertThat(inUpper).isBetween(1L, 199L);
    assertThat(restored.liveCells()).isEqualTo(inUpper);
    for (int i = 0; i < keys.size(); i++) {
      if (upper.contains(keys.get(i).keyGroup())) {
        restored.setCurrentKey(keys.get(i));
        assertThat(restored.readValue(WINDOW, VALUE)).isEqualTo("v" + i);
      }
    }
    assertThatThrownBy(() -> restored.restore(backend.snapshot(lower)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside this backend's KeyGroupRange[64, 127]");

    backend.restore(new InMemoryStateBackend().snapshot(upper));
    assertThat(backend.liveCells()).isEqualTo(200 - inUpper);
  }

  @Test
  void aKeyOfAnotherKeyGroupRangeIsRejected() {
    StateKey k = key("a");
    KeyGroupRange other = k.keyGroup() == 0 ? new KeyGroupRange(1, MAX_PARALLELISM - 1)
        : new KeyGroupRange(0, k.keyGroup() - 1);
    InMemoryStateBackend backend = new InMemoryStateBackend(MAX_PARALLELISM, other);

    assertThatThrownBy(() -> backend.setCurrentKey(k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Key group " + k.keyGroup());
  }

  @Test
  void restoreRejectsAnUnknownFormatAndAnotherMaximumParallelism() {
    assertThatThrownBy(() -> new InMemoryStateBackend().restore(new byte[] {42}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 42");
    byte[] small = new InMemoryStateBackend(4, KeyGroupRange.all(4)).snapshot(KeyGroupRange.all(4));
    assertThatThrownBy(() -> new InMemoryStateBackend().restore(small))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maximum parallelism 4");
  }

  @Test
  void aRestoredCellReadAsAnotherKindFailsNamingIt() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    backend.setCurrentKey(key("a"));
    backend.writeValue(WINDOW, VALUE, "v");
    InMemoryStateBackend restored = new InMemoryStateBackend();
    restored.restore(backend.snapshot(ALL));
    restored.setCurrentKey(key("a"));

    assertThatThrownBy(() -> restored.readBag(WINDOW, new StateTag.Bag<>("value",
        VarIntCoder.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'value'");
  }

  @Test
  void stateWrittenThroughTheCacheSurvivesASnapshotAndRestore() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    BundleStateCache cache = new BundleStateCache(backend);
    NamespaceState a = new NamespaceState(key("a"), WINDOW);
    CachedStateBinder binder = new CachedStateBinder(cache, () -> a);
    BagState<Integer> bag = StateSpecs.bag(VarIntCoder.of()).bind("bag", binder);
    ValueState<String> value = StateSpecs.value(StringUtf8Coder.of()).bind("value", binder);
    MapState<String, Integer> map = StateSpecs.map(StringUtf8Coder.of(), VarIntCoder.of())
        .bind("map", binder);
    bag.add(1);
    bag.add(2);
    value.write("v");
    map.put("k", 7);

    assertThat(bag.read()).containsExactly(1, 2);
    assertThat(backend.liveCells()).as("nothing is encoded before the bundle ends").isZero();
    cache.flush();
    assertThat(backend.liveCells()).isEqualTo(3);

    InMemoryStateBackend restored = new InMemoryStateBackend();
    restored.restore(backend.snapshot(ALL));
    CachedStateBinder restoredBinder = new CachedStateBinder(new BundleStateCache(restored),
        () -> new NamespaceState(key("a"), WINDOW));
    assertThat(StateSpecs.bag(VarIntCoder.of()).bind("bag", restoredBinder).read())
        .containsExactly(1, 2);
    assertThat(StateSpecs.value(StringUtf8Coder.of()).bind("value", restoredBinder).read())
        .isEqualTo("v");
    assertThat(StateSpecs.map(StringUtf8Coder.of(), VarIntCoder.of()).bind("map", restoredBinder)
        .get("k").read()).isEqualTo(7);
  }

  @Test
  void clearedStateRemovesItsCellOnFlush() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    BundleStateCache cache = new BundleStateCache(backend);
    NamespaceState b = new NamespaceState(key("b"), WINDOW);
    ValueState<String> value = StateSpecs.value(StringUtf8Coder.of())
        .bind("value", new CachedStateBinder(cache, () -> b));
    value.write("v");
    cache.flush();
    value.clear();

    assertThat(value.read()).isNull();
    cache.flush();
    assertThat(backend.liveCells()).isZero();
  }

  @Test
  void keysAndWindowsCompareByEncoding() {
    assertThat(key("a")).isEqualTo(key("a")).isNotEqualTo(key("b"));
    assertThat(WINDOW).isNotEqualTo(OTHER_WINDOW).isNotEqualTo(StateNamespace.KEY);
    assertThat(StateNamespace.ofEncodedWindow(WINDOW.windowBytes())).isEqualTo(WINDOW);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Long readSum(StateBackend backend, StateNamespace namespace) {
    StateTag.Combining tag = SUM;
    return (Long) tag.fn().extractOutput(backend.readAccumulator(namespace, tag));
  }

  @Test
  void accessThroughANamespaceStateFollowsClearsRestoresAndOtherBackends() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    NamespaceState at = new NamespaceState(key("a"), WINDOW);
    backend.writeValue(at, VALUE, "first");
    backend.setCurrentKey(key("b"));
    // Through the pair: its key becomes current again, and the value is the pair's.
    assertThat(backend.readValue(at, VALUE)).isEqualTo("first");
    assertThat(backend.currentKey()).isEqualTo(key("a"));
    assertThat(backend.readValue(WINDOW, VALUE)).isEqualTo("first");
    byte[] snapshot = backend.snapshot(ALL);

    // A cleared namespace is not reached through what the pair remembered.
    backend.clearNamespace(WINDOW);
    assertThat(backend.readValue(at, VALUE)).isNull();
    backend.writeValue(at, VALUE, "second");
    backend.setCurrentKey(key("a"));
    assertThat(backend.readValue(WINDOW, VALUE)).isEqualTo("second");
    assertThat(backend.liveNamespaces()).isEqualTo(1);

    // Restoring replaces the cells the pair remembered.
    backend.restore(snapshot);
    assertThat(backend.readValue(at, VALUE)).isEqualTo("first");
    backend.writeValue(at, VALUE, "third");
    backend.setCurrentKey(key("a"));
    assertThat(backend.readValue(WINDOW, VALUE)).isEqualTo("third");

    // Another backend does not take this backend's cells for its own.
    InMemoryStateBackend other = new InMemoryStateBackend();
    assertThat(other.readValue(at, VALUE)).isNull();
    other.writeValue(at, VALUE, "other");
    assertThat(backend.readValue(at, VALUE)).isEqualTo("third");
    assertThat(other.readValue(at, VALUE)).isEqualTo("other");
  }

  @Test
  void aByteArrayValueOfTheSameLengthIsOverwrittenInPlaceAndReadsBack() {
    StateTag.Value<byte[]> bytesTag = new StateTag.Value<>("bytes",
        io.runnel.sdk.coders.ByteArrayCoder.of());
    InMemoryStateBackend backend = new InMemoryStateBackend();
    backend.setCurrentKey(key("a"));
    byte[] written = {1, 2, 3};
    backend.writeValue(WINDOW, bytesTag, written);
    backend.writeValue(WINDOW, bytesTag, new byte[] {4, 5, 6});
    // No new array went into the table: the one held took the new contents.
    assertThat(backend.readValue(WINDOW, bytesTag)).isSameAs(written).containsExactly(4, 5, 6);
    backend.writeValue(WINDOW, bytesTag, new byte[] {7});
    assertThat(backend.readValue(WINDOW, bytesTag)).containsExactly(7);
    InMemoryStateBackend restored = new InMemoryStateBackend();
    restored.restore(backend.snapshot(ALL));
    restored.setCurrentKey(key("a"));
    assertThat(restored.readValue(WINDOW, bytesTag)).containsExactly(7);
  }

  private static List<String> entries(Iterable<Map.Entry<String, Integer>> entries) {
    List<String> out = new ArrayList<>();
    entries.forEach(e -> out.add(e.getKey() + "=" + e.getValue()));
    return out;
  }
}
