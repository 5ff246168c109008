package io.runnel.runners.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.state.BagState;
import io.runnel.sdk.state.MapState;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.IntervalWindow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryStateBackendTest {
  private static final StateNamespace A = namespace("a");
  private static final StateNamespace B = namespace("b");

  static StateNamespace namespace(String key) {
    return StateNamespace.of(StringUtf8Coder.of(), key,
        IntervalWindow.getCoder(), new IntervalWindow(Instant.EPOCH,
            Instant.ofEpochSecond(60)));
  }

  @Test
  void countsLiveCellsAndNamespacesAsCellsAreWrittenAndRemoved() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    backend.write(A, "x", new byte[] {1});
    backend.write(A, "y", new byte[] {2});
    backend.write(B, "x", new byte[] {3});
    backend.write(A, "x", new byte[] {4});

    assertThat(backend.liveCells()).isEqualTo(3);
    assertThat(backend.liveNamespaces()).isEqualTo(2);
    assertThat(backend.read(A, "x")).containsExactly(4);

    backend.write(B, "x", null);
    backend.clear(A);

    assertThat(backend.liveCells()).isZero();
    assertThat(backend.liveNamespaces()).isZero();
    assertThat(backend.read(A, "y")).isNull();
  }

  @Test
  void snapshotRestoresEveryCellIntoAnotherBackend() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    backend.write(A, "x", new byte[] {1, 2});
    backend.write(B, "y", new byte[0]);

    InMemoryStateBackend restored = new InMemoryStateBackend();
    restored.write(A, "stale", new byte[] {9});
    restored.restore(backend.snapshot());

    assertThat(restored.read(A, "x")).containsExactly(1, 2);
    assertThat(restored.read(B, "y")).isEmpty();
    assertThat(restored.read(A, "stale")).isNull();
    assertThat(restored.liveCells()).isEqualTo(2);
    assertThat(restored.liveNamespaces()).isEqualTo(2);
  }

  @Test
  void restoreRejectsAnUnknownFormat() {
    assertThatThrownBy(() -> new InMemoryStateBackend().restore(new byte[] {42}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 42");
  }

  @Test
  void stateWrittenThroughTheCacheSurvivesASnapshotAndRestore() {
    InMemoryStateBackend backend = new InMemoryStateBackend();
    BundleStateCache cache = new BundleStateCache(backend);
    NamespaceState a = new NamespaceState(A);
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
    restored.restore(backend.snapshot());
    CachedStateBinder restoredBinder = new CachedStateBinder(new BundleStateCache(restored),
        () -> new NamespaceState(A));
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
    NamespaceState b = new NamespaceState(B);
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
  void namespacesOfTheSameKeyInDifferentWindowsDiffer() {
    StateNamespace global = StateNamespace.of(StringUtf8Coder.of(), "a",
        GlobalWindow.Coder.INSTANCE, GlobalWindow.INSTANCE);

    assertThat(global).isNotEqualTo(A);
    assertThat(namespace("a")).isEqualTo(A);
  }
}
