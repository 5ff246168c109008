package io.runnel.sdk.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.coders.BigEndianIntegerCoder;
import io.runnel.sdk.coders.BigEndianLongCoder;
import io.runnel.sdk.coders.BooleanCoder;
import io.runnel.sdk.coders.ByteArrayCoder;
import io.runnel.sdk.coders.ByteCoder;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.DurationCoder;
import io.runnel.sdk.coders.FloatCoder;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.coders.IterableCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.ListCoder;
import io.runnel.sdk.coders.MapCoder;
import io.runnel.sdk.coders.NullableCoder;
import io.runnel.sdk.coders.SerializableCoder;
import io.runnel.sdk.coders.SetCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.coders.VoidCoder;
import io.runnel.sdk.portable.proto.Components;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.IntervalWindow;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CoderTranslationTest {
  static Stream<Coder<?>> standardCoders() {
    return Stream.of(ByteArrayCoder.of(), StringUtf8Coder.of(), VarIntCoder.of(), VarLongCoder.of(),
        BigEndianIntegerCoder.of(), BigEndianLongCoder.of(), ByteCoder.of(), DoubleCoder.of(),
        FloatCoder.of(), BooleanCoder.of(), VoidCoder.of(), InstantCoder.of(), DurationCoder.of(),
        KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()),
        IterableCoder.of(DoubleCoder.of()), ListCoder.of(BooleanCoder.of()),
        SetCoder.of(StringUtf8Coder.of()), MapCoder.of(VarIntCoder.of(), ListCoder.of(VarLongCoder.of())),
        NullableCoder.of(StringUtf8Coder.of()), GlobalWindow.Coder.INSTANCE, IntervalWindow.getCoder(),
        KvCoder.of(StringUtf8Coder.of(), IterableCoder.of(KvCoder.of(VarIntCoder.of(), InstantCoder.of()))));
  }

  @ParameterizedTest
  @MethodSource("standardCoders")
  void standardCoderRoundTripsThroughItsStandardUrn(Coder<?> coder) {
    SdkComponents components = SdkComponents.create();
    String id = components.registerCoder(coder);
    Components proto = components.toComponents();

    assertThat(proto.getCodersOrThrow(id).getSpec().getUrn())
        .startsWith("runnel:coder:")
        .isNotEqualTo(StandardUrns.Coders.JAVA_SERIALIZED);
    assertThat(RehydratedComponents.of(proto).getCoder(id)).isEqualTo(coder);
  }

  @Test
  void otherCoderRoundTripsJavaSerialized() {
    SerializableCoder<String> coder = SerializableCoder.of(String.class);
    SdkComponents components = SdkComponents.create();
    String id = components.registerCoder(coder);
    Components proto = components.toComponents();

    assertThat(proto.getCodersOrThrow(id).getSpec().getUrn())
        .isEqualTo(StandardUrns.Coders.JAVA_SERIALIZED);
    assertThat(RehydratedComponents.of(proto).getCoder(id)).isEqualTo(coder);
  }

  @Test
  void equalCodersShareOneIdAndDifferentOnesGetNumberedIds() {
    SdkComponents components = SdkComponents.create();

    String first = components.registerCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
    String same = components.registerCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
    String other = components.registerCoder(KvCoder.of(VarIntCoder.of(), VarIntCoder.of()));

    assertThat(first).isEqualTo("kv").isEqualTo(same);
    assertThat(other).isEqualTo("kv_2");
  }

  @Test
  void unknownUrnErrorNamesTheCoderId() {
    Components proto = Components.newBuilder()
        .putCoders("mystery", io.runnel.sdk.portable.proto.Coder.newBuilder()
            .setSpec(FunctionSpec.newBuilder().setUrn("runnel:coder:mystery:v1")).build())
        .build();

    assertThatThrownBy(() -> RehydratedComponents.of(proto).getCoder("mystery"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'mystery'")
        .hasMessageContaining("runnel:coder:mystery:v1");
  }

  @Test
  void missingComponentErrorNamesBothIds() {
    Components proto = Components.newBuilder()
        .putCoders("list", io.runnel.sdk.portable.proto.Coder.newBuilder()
            .setSpec(FunctionSpec.newBuilder().setUrn(StandardUrns.Coders.LIST))
            .addComponentCoderIds("gone").build())
        .build();

    assertThatThrownBy(() -> RehydratedComponents.of(proto).getCoder("list"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'list'")
        .hasMessageContaining("'gone'");
  }

  @Test
  void undeserializablePayloadErrorNamesTheCoderId() {
    Components proto = Components.newBuilder()
        .putCoders("broken", io.runnel.sdk.portable.proto.Coder.newBuilder()
            .setSpec(Specs.of(StandardUrns.Coders.JAVA_SERIALIZED, new byte[] {1, 2, 3})).build())
        .build();

    assertThatThrownBy(() -> RehydratedComponents.of(proto).getCoder("broken"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'broken'");
  }
}
