package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetCoderTest {
  private static final SetCoder<String> CODER = SetCoder.of(StringUtf8Coder.of());

  @Test
  void roundTripsEmptyAndNonEmptySets() throws Exception {
    for (Set<String> set : List.of(Set.<String>of(), Set.of("a"), Set.of("a", "b", "\u00e9"))) {
      assertThat(CoderProperties.assertRoundTrips(CODER, set)).isEqualTo(set);
    }
  }

  @Test
  void decodesToALinkedHashSetInEncodedOrder() throws Exception {
    Set<String> ordered = new LinkedHashSet<>(List.of("z", "a", "m"));
    assertThat(CoderUtils.clone(CODER, ordered)).isInstanceOf(LinkedHashSet.class).containsExactly("z", "a", "m");
  }

  @Test
  void isNeverDeterministic() {
    assertThatThrownBy(CODER::verifyDeterministic)
        .isInstanceOf(Coder.NonDeterministicException.class)
        .hasMessageContaining("iteration order of a Set");
  }

  @Test
  void structuralValueIgnoresIterationOrder() {
    SetCoder<byte[]> coder = SetCoder.of(ByteArrayCoder.of());
    Set<byte[]> first = new LinkedHashSet<>(List.of(new byte[] {1}, new byte[] {2}));
    Set<byte[]> second = new LinkedHashSet<>(List.of(new byte[] {2}, new byte[] {1}));
    assertThat(coder.structuralValue(first)).isEqualTo(coder.structuralValue(second));
  }

  @Test
  void equalsAnotherSetCoderOfAnEqualElementCoder() {
    assertThat(SetCoder.of(StringUtf8Coder.of())).isEqualTo(CODER).hasSameHashCodeAs(CODER);
    assertThat(CODER).hasToString("SetCoder(StringUtf8Coder)");
  }
}
