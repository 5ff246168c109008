package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IterableCoderTest {
  private static final IterableCoder<String> CODER = IterableCoder.of(StringUtf8Coder.of());

  @Test
  void roundTripsCollectionsInOrder() throws Exception {
    assertThat(CoderUtils.clone(CODER, List.of("b", "", "a"))).containsExactly("b", "", "a");
    assertThat(CoderUtils.clone(CODER, List.of())).isEmpty();
  }

  @Test
  void roundTripsAnIterableThatIsNotACollection() throws Exception {
    Iterable<String> lazy = () -> List.of("x", "y").iterator();
    assertThat(CoderUtils.clone(CODER, lazy)).containsExactly("x", "y");
  }

  @Test
  void encodesLikeAListOfTheSameElements() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(CODER, List.of("a")))
        .isEqualTo(CoderUtils.encodeToByteArray(ListCoder.of(StringUtf8Coder.of()), List.of("a")));
  }

  @Test
  void isDeterministicWhenTheElementCoderIs() {
    assertThatCode(CODER::verifyDeterministic).doesNotThrowAnyException();
    assertThatThrownBy(() -> IterableCoder.of(DoubleCoder.of()).verifyDeterministic())
        .isInstanceOf(Coder.NonDeterministicException.class);
  }

  @Test
  void isNotConsistentWithEqualsSoStructuralValuesCompareBytes() {
    assertThat(CODER.consistentWithEquals()).isFalse();
    assertThat(CODER.structuralValue(List.of("a"))).isEqualTo(CODER.structuralValue(List.of("a")));
  }

  @Test
  void equalsAnotherIterableCoderOfAnEqualElementCoder() {
    assertThat(IterableCoder.of(StringUtf8Coder.of())).isEqualTo(CODER).hasSameHashCodeAs(CODER);
    assertThat(CODER).hasToString("IterableCoder(StringUtf8Coder)");
  }
}
