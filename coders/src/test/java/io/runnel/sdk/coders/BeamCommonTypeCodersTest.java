package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.values.TypeDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The coders of Beam's common types that a default registry gives: Short, BigInteger, BigDecimal, Optional. */
class BeamCommonTypeCodersTest {
  @Test
  void shortsAreTwoBigEndianBytes() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(BigEndianShortCoder.of(), (short) 0x0102))
        .containsExactly(1, 2);
    assertThat(CoderUtils.encodeToByteArray(BigEndianShortCoder.of(), (short) -1))
        .containsExactly(0xff, 0xff);
    for (short value : new short[] {0, 1, -1, Short.MIN_VALUE, Short.MAX_VALUE}) {
      assertThat(CoderProperties.assertRoundTrips(BigEndianShortCoder.of(), value)).isEqualTo(value);
    }
    assertThatThrownBy(() -> BigEndianShortCoder.of().decode(new ByteArrayInputStream(new byte[1])))
        .isInstanceOf(IOException.class).hasMessageContaining("Short");
  }

  @Test
  void bigIntegersAreTheirTwosComplementBytesLengthPrefixed() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(BigIntegerCoder.of(), BigInteger.valueOf(300)))
        .containsExactly(2, 0x01, 0x2c);
    assertThat(CoderUtils.encodeToByteArray(BigIntegerCoder.of(), BigInteger.valueOf(-1)))
        .containsExactly(1, 0xff);
    for (BigInteger value : List.of(BigInteger.ZERO, BigInteger.ONE.negate(),
        BigInteger.TWO.pow(200).negate(), new BigInteger("123456789012345678901234567890"))) {
      assertThat(CoderProperties.assertRoundTrips(BigIntegerCoder.of(), value)).isEqualTo(value);
    }
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(BigIntegerCoder.of(), new byte[] {0}))
        .isInstanceOf(CoderException.class).hasMessageContaining("no bytes");
  }

  @Test
  void bigDecimalsKeepTheirScale() throws Exception {
    // scale 1 (var-int), then the unscaled value 15 as a BigInteger
    assertThat(CoderUtils.encodeToByteArray(BigDecimalCoder.of(), new BigDecimal("1.5")))
        .containsExactly(1, 1, 15);
    BigDecimal oneTenth = CoderProperties.assertRoundTrips(BigDecimalCoder.of(), new BigDecimal("1.0"));
    BigDecimal oneHundredth = CoderProperties.assertRoundTrips(BigDecimalCoder.of(), new BigDecimal("1.00"));
    assertThat(oneTenth.scale()).isEqualTo(1);
    assertThat(oneHundredth.scale()).isEqualTo(2);
    for (BigDecimal value : List.of(BigDecimal.ZERO, new BigDecimal("-3.14159"),
        new BigDecimal("1E+40"), new BigDecimal("12345678901234567890.000000000001"))) {
      assertThat(CoderProperties.assertRoundTrips(BigDecimalCoder.of(), value)).isEqualTo(value);
    }
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(BigDecimalCoder.of(), null))
        .isInstanceOf(CoderException.class).hasMessageContaining("BigDecimalCoder");
  }

  @Test
  void optionalsAreAMarkerAndTheValue() throws Exception {
    OptionalCoder<String> coder = OptionalCoder.of(StringUtf8Coder.of());
    assertThat(CoderUtils.encodeToByteArray(coder, Optional.empty())).containsExactly(0);
    assertThat(CoderUtils.encodeToByteArray(coder, Optional.of("a"))).containsExactly(1, 1, 'a');
    assertThat(CoderProperties.assertRoundTrips(coder, Optional.of("value"))).contains("value");
    assertThat(CoderProperties.assertRoundTrips(coder, Optional.<String>empty())).isEmpty();
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(coder, new byte[] {7}))
        .isInstanceOf(CoderException.class).hasMessageContaining("marker 7");
    assertThatCode(coder::verifyDeterministic).doesNotThrowAnyException();
    assertThatThrownBy(() -> OptionalCoder.of(DoubleCoder.of()).verifyDeterministic())
        .isInstanceOf(Coder.NonDeterministicException.class);
  }

  @Test
  void theDefaultRegistryInfersThemAsBeamsDoes() throws Exception {
    CoderRegistry registry = CoderRegistry.createDefault();
    assertThat(registry.getCoder(Short.class)).isSameAs(BigEndianShortCoder.of());
    assertThat(registry.getCoder(short.class)).isSameAs(BigEndianShortCoder.of());
    assertThat(registry.getCoder(BigInteger.class)).isSameAs(BigIntegerCoder.of());
    assertThat(registry.getCoder(BigDecimal.class)).isSameAs(BigDecimalCoder.of());
    assertThat(registry.getCoder(new TypeDescriptor<Optional<Long>>() {}))
        .isEqualTo(OptionalCoder.of(VarLongCoder.of()));
    assertThat(registry.getCoder(new TypeDescriptor<List<Optional<BigDecimal>>>() {}))
        .isEqualTo(ListCoder.of(OptionalCoder.of(BigDecimalCoder.of())));
  }
}
