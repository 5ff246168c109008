package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapCoderTest {
  private static final MapCoder<String, Long> CODER = MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

  @Test
  void roundTripsEmptyAndNonEmptyMaps() throws Exception {
    for (Map<String, Long> map : List.of(Map.<String, Long>of(), Map.of("", Long.MIN_VALUE, "b", -1L))) {
      assertThat(CoderProperties.assertRoundTrips(CODER, map)).isEqualTo(map);
    }
  }

  @Test
  void roundTripsNullValuesWithNullableValueCoder() throws Exception {
    MapCoder<String, Long> coder = MapCoder.of(StringUtf8Coder.of(), NullableCoder.of(VarLongCoder.of()));
    Map<String, Long> map = new HashMap<>();
    map.put("k", null);
    assertThat(CoderProperties.assertRoundTrips(coder, map)).isEqualTo(map);
  }

  @Test
  void decodesToALinkedHashMapInEncodedOrder() throws Exception {
    Map<String, Long> ordered = new LinkedHashMap<>();
    ordered.put("z", 1L);
    ordered.put("a", 2L);
    assertThat(CoderUtils.clone(CODER, ordered)).isInstanceOf(LinkedHashMap.class).containsExactly(
        Map.entry("z", 1L), Map.entry("a", 2L));
  }

  @Test
  void isNeverDeterministic() {
    assertThatThrownBy(CODER::verifyDeterministic)
        .isInstanceOf(Coder.NonDeterministicException.class)
        .hasMessageContaining("iteration order of a Map");
  }

  @Test
  void structuralValueIgnoresIterationOrder() {
    MapCoder<String, byte[]> coder = MapCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of());
    Map<String, byte[]> first = new LinkedHashMap<>();
    first.put("a", new byte[] {1});
    first.put("b", new byte[] {2});
    Map<String, byte[]> second = new LinkedHashMap<>();
    second.put("b", new byte[] {2});
    second.put("a", new byte[] {1});
    assertThat(coder.structuralValue(first)).isEqualTo(coder.structuralValue(second));
  }

  @Test
  void equalsAnotherMapCoderOfEqualComponents() {
    assertThat(MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of())).isEqualTo(CODER).hasSameHashCodeAs(CODER);
    assertThat(CODER).hasToString("MapCoder(StringUtf8Coder, VarLongCoder)");
    assertThat(CODER.getKeyCoder()).isEqualTo(StringUtf8Coder.of());
    assertThat(CODER.getValueCoder()).isEqualTo(VarLongCoder.of());
  }
}
