package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListCoderTest {
  private static final ListCoder<Integer> CODER = ListCoder.of(VarIntCoder.of());

  @Test
  void roundTripsEmptyAndNonEmptyLists() throws Exception {
    for (List<Integer> list : List.of(List.<Integer>of(), List.of(1), List.of(-1, 0, Integer.MAX_VALUE))) {
      assertThat(CoderProperties.assertRoundTrips(CODER, list)).isEqualTo(list);
    }
  }

  @Test
  void decodesToAMutableArrayList() throws Exception {
    assertThat(CoderUtils.clone(CODER, List.of(1, 2))).isInstanceOf(ArrayList.class);
  }

  @Test
  void roundTripsNullElementsWithNullableElementCoder() throws Exception {
    ListCoder<Integer> coder = ListCoder.of(NullableCoder.of(VarIntCoder.of()));
    List<Integer> list = Arrays.asList(1, null, 3);
    assertThat(CoderProperties.assertRoundTrips(coder, list)).isEqualTo(list);
  }

  @Test
  void rejectsNullList() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(CODER, null))
        .hasMessageStartingWith("ListCoder(VarIntCoder) cannot encode a null value");
  }

  @Test
  void isDeterministicWhenTheElementCoderIs() {
    assertThatCode(CODER::verifyDeterministic).doesNotThrowAnyException();
    assertThatThrownBy(() -> ListCoder.of(FloatCoder.of()).verifyDeterministic())
        .isInstanceOf(Coder.NonDeterministicException.class);
  }

  @Test
  void equalsAnotherListCoderOfAnEqualElementCoder() throws Exception {
    assertThat(ListCoder.of(VarIntCoder.of())).isEqualTo(CODER).hasSameHashCodeAs(CODER)
        .isEqualTo(CoderProperties.serializeAndDeserialize(CODER))
        .isNotEqualTo(IterableCoder.of(VarIntCoder.of()));
    assertThat(CODER).hasToString("ListCoder(VarIntCoder)");
  }

  @Test
  void failsOnANegativeElementCount() {
    byte[] minusOne = {-1, -1, -1, -1, 15};
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(CODER, minusOne))
        .isInstanceOf(CoderException.class)
        .hasMessageContaining("cannot decode element count -1");
  }
}
