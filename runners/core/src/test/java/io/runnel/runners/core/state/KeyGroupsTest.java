package io.runnel.runners.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {
  private static final int MAX_PARALLELISM = 128;

  @Test
  void theHasherGivesTheGroupOfTheBytesWrittenHoweverTheyAreWritten() {
    Random random = new Random(42);
    KeyGroups.Hasher hasher = new KeyGroups.Hasher();
    for (int round = 0; round < 2_000; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      int at = 0;
      while (at < bytes.length) {
        int count = 1 + random.nextInt(bytes.length - at);
        if (random.nextBoolean()) {
          byte[] padded = new byte[count + 6];
          System.arraycopy(bytes, at, padded, 3, count);
          hasher.write(padded, 3, count);
        } else {
          for (int i = at; i < at + count; i++) {
            hasher.write(bytes[i]);
          }
        }
        at += count;
      }
      int maxParallelism = 1 + random.nextInt(1 << 15);
      assertThat(hasher.keyGroupAndReset(maxParallelism))
          .as("bytes %s", java.util.Arrays.toString(bytes))
          .isEqualTo(KeyGroups.keyGroupOf(bytes, maxParallelism));
    }
  }

  @Test
  void aCoderWritingIntoTheHasherGivesTheGroupOfItsEncoding() throws Exception {
    KeyGroups.Hasher hasher = new KeyGroups.Hasher();
    for (long key = -500; key < 10_000; key += 7) {
      VarLongCoder.of().encode(key, hasher);
      assertThat(hasher.keyGroupAndReset(MAX_PARALLELISM)).isEqualTo(KeyGroups.keyGroupOf(
          CoderUtils.encodeToByteArray(VarLongCoder.of(), key), MAX_PARALLELISM));
    }
    String key = "a key with more than a few bytes, é and 字";
    StringUtf8Coder.of().encode(key, hasher);
    assertThat(hasher.keyGroupAndReset(MAX_PARALLELISM)).isEqualTo(KeyGroups.keyGroupOf(
        CoderUtils.encodeToByteArray(StringUtf8Coder.of(), key), MAX_PARALLELISM));
  }

  @Test
  void resetForgetsAHalfWrittenKey() {
    KeyGroups.Hasher hasher = new KeyGroups.Hasher();
    hasher.write(new byte[] {1, 2, 3}, 0, 3);
    hasher.reset();
    hasher.write(9);
    assertThat(hasher.keyGroupAndReset(MAX_PARALLELISM))
        .isEqualTo(KeyGroups.keyGroupOf(new byte[] {9}, MAX_PARALLELISM));
  }

  @Test
  void consecutiveKeysSpreadOverEveryGroup() {
    int[] perGroup = new int[MAX_PARALLELISM];
    for (long key = 0; key < 12_800; key++) {
      perGroup[KeyGroups.keyGroupOf(encode(key), MAX_PARALLELISM)]++;
    }
    // 100 keys per group on average; a hash that kept the keys' order would fill some and leave
    // others empty.
    assertThat(java.util.Arrays.stream(perGroup).min().getAsInt()).isGreaterThanOrEqualTo(60);
    assertThat(java.util.Arrays.stream(perGroup).max().getAsInt()).isLessThanOrEqualTo(140);
  }

  private static byte[] encode(long key) {
    try {
      return CoderUtils.encodeToByteArray(VarLongCoder.of(), key);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
