package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.values.KV;
import org.junit.jupiter.api.Test;

class KvCoderTest {
  private static final KvCoder<String, Long> CODER = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

  @Test
  void roundTripsKeysAndValues() throws Exception {
    for (KV<String, Long> kv : java.util.List.of(KV.of("", Long.MIN_VALUE), KV.of("\u4e16", -1L), KV.of("k", Long.MAX_VALUE))) {
      assertThat(CoderProperties.assertRoundTrips(CODER, kv)).isEqualTo(kv);
    }
  }

  @Test
  void roundTripsNullKeyWithNullableKeyCoder() throws Exception {
    KvCoder<String, Long> coder = KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), VarLongCoder.of());
    assertThat(CoderProperties.assertRoundTrips(coder, KV.of(null, 1L))).isEqualTo(KV.of(null, 1L));
  }

  @Test
  void rejectsNullKeyNamingTheKeyCoder() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(CODER, KV.of(null, 1L)))
        .isInstanceOf(CoderException.class)
        .hasMessageStartingWith("StringUtf8Coder cannot encode a null value");
  }

  @Test
  void rejectsNullPairNamingTheKvCoder() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(CODER, null))
        .hasMessageStartingWith("KvCoder(StringUtf8Coder, VarLongCoder) cannot encode a null value");
  }

  @Test
  void exposesItsComponentCoders() {
    assertThat(CODER.getKeyCoder()).isEqualTo(StringUtf8Coder.of());
    assertThat(CODER.getValueCoder()).isEqualTo(VarLongCoder.of());
    assertThat(CODER.getCoderArguments()).isEqualTo(java.util.List.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  @Test
  void isDeterministicWhenBothComponentsAre() {
    assertThatCode(CODER::verifyDeterministic).doesNotThrowAnyException();
  }

  @Test
  void isNotDeterministicWhenTheValueCoderIsNot() {
    assertThatThrownBy(() -> KvCoder.of(StringUtf8Coder.of(), DoubleCoder.of()).verifyDeterministic())
        .isInstanceOf(Coder.NonDeterministicException.class)
        .hasMessageContaining("value coder must be deterministic")
        .hasRootCauseMessage("DoubleCoder is not deterministic because floating point encodings are not "
            + "guaranteed to be deterministic");
  }

  @Test
  void equalsAnotherKvCoderOfEqualComponents() throws Exception {
    assertThat(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .isEqualTo(CODER)
        .hasSameHashCodeAs(CODER)
        .isEqualTo(CoderProperties.serializeAndDeserialize(CODER))
        .isNotEqualTo(KvCoder.of(StringUtf8Coder.of(), BigEndianLongCoder.of()));
  }

  @Test
  void printsItsComponents() {
    assertThat(CODER).hasToString("KvCoder(StringUtf8Coder, VarLongCoder)");
  }

  @Test
  void structuralValueComparesByteArrayValuesByContent() {
    KvCoder<String, byte[]> coder = KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of());
    assertThat(coder.structuralValue(KV.of("a", new byte[] {1})))
        .isEqualTo(coder.structuralValue(KV.of("a", new byte[] {1})));
  }
}
