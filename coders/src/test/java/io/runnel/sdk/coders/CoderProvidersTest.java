package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.sdk.values.TypeDescriptors;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoderProvidersTest {

  @Test
  void fromStaticMethodsCallsOfWithTheComponentCoders() throws Exception {
    CoderProvider provider = CoderProviders.fromStaticMethods(KV.class, KvCoder.class);
    assertThat(provider.coderFor(new TypeDescriptor<KV<String, Long>>() {},
        List.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .isEqualTo(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  @Test
  void fromStaticMethodsDeclinesOtherRawTypes() {
    CoderProvider provider = CoderProviders.fromStaticMethods(KV.class, KvCoder.class);
    assertThatThrownBy(() -> provider.coderFor(TypeDescriptors.lists(TypeDescriptors.strings()),
        List.of(StringUtf8Coder.of())))
        .isInstanceOf(CannotProvideCoderException.class)
        .hasMessageContaining("provides only for io.runnel.sdk.values.KV");
  }

  @Test
  void fromStaticMethodsRejectsACoderClassWithoutAMatchingOf() {
    assertThatThrownBy(() -> CoderProviders.fromStaticMethods(KV.class, ListCoder.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no public static of(2 Coders)");
  }

  @Test
  void forCoderProvidesOnlyForItsExactType() throws Exception {
    CoderProvider provider = CoderProviders.forCoder(TypeDescriptors.strings(), StringUtf8Coder.of());
    assertThat(provider.coderFor(TypeDescriptors.strings(), List.of())).isEqualTo(StringUtf8Coder.of());
    assertThatThrownBy(() -> provider.coderFor(TypeDescriptors.longs(), List.of()))
        .isInstanceOf(CannotProvideCoderException.class);
  }
}
