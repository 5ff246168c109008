package io.runnel.sdk.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssignShardFnTest {

  @Test
  void shardIsTheNonNegativeHashModuloTheShardCount() {
    String line = "polygenelubricants"; // String.hashCode() is Integer.MIN_VALUE
    assertThat(line.hashCode()).isEqualTo(Integer.MIN_VALUE);
    assertThat(AssignShardFn.shardOf(line, 3)).isEqualTo(Math.floorMod(Integer.MIN_VALUE, 3));
    assertThat(AssignShardFn.shardOf("x", 1)).isZero();
  }

  @Test
  void nonPositiveShardCountIsRejected() {
    assertThatThrownBy(() -> new AssignShardFn(0)).hasMessageContaining("numShards must be positive: 0");
  }
}
