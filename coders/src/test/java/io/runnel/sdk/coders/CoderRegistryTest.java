package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.sdk.values.TypeDescriptors;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoderRegistryTest {
  private final CoderRegistry registry = CoderRegistry.createDefault();

  record SerializablePoint(int x) implements Serializable {}

  static final class NotSerializable {}

  @DefaultCoder(JsonCoder.class)
  public record Annotated(String name) {}

  @DefaultCoder(StringUtf8Coder.class)
  public static final class AnnotatedWithNoArgFactory {}

  @DefaultCoder(KvCoder.class)
  public static final class AnnotatedWithUnusableCoder {}

  static class Box<T> implements Serializable {}

  @Test
  void providesTheStandardCodersOfAtomicClasses() throws Exception {
    assertThat(registry.getCoder(String.class)).isEqualTo(StringUtf8Coder.of());
    assertThat(registry.getCoder(Integer.class)).isEqualTo(VarIntCoder.of());
    assertThat(registry.getCoder(Long.class)).isEqualTo(VarLongCoder.of());
    assertThat(registry.getCoder(Double.class)).isEqualTo(DoubleCoder.of());
    assertThat(registry.getCoder(Float.class)).isEqualTo(FloatCoder.of());
    assertThat(registry.getCoder(Boolean.class)).isEqualTo(BooleanCoder.of());
    assertThat(registry.getCoder(Byte.class)).isEqualTo(ByteCoder.of());
    assertThat(registry.getCoder(byte[].class)).isEqualTo(ByteArrayCoder.of());
    assertThat(registry.getCoder(Void.class)).isEqualTo(VoidCoder.of());
    assertThat(registry.getCoder(Instant.class)).isEqualTo(InstantCoder.of());
    assertThat(registry.getCoder(Duration.class)).isEqualTo(DurationCoder.of());
  }

  @Test
  void givesPrimitivesTheCoderOfTheirBox() throws Exception {
    assertThat((Coder<?>) registry.getCoder(int.class)).isEqualTo(VarIntCoder.of());
    assertThat((Coder<?>) registry.getCoder(double.class)).isEqualTo(DoubleCoder.of());
  }

  @Test
  void infersNestedContainerCodersRecursively() throws Exception {
    Coder<KV<String, List<Map<Long, Set<Integer>>>>> coder =
        registry.getCoder(new TypeDescriptor<KV<String, List<Map<Long, Set<Integer>>>>>() {});
    assertThat(coder).isEqualTo(KvCoder.of(StringUtf8Coder.of(),
        ListCoder.of(MapCoder.of(VarLongCoder.of(), SetCoder.of(VarIntCoder.of())))));
  }

  @Test
  void infersIterableAndCollectionCoders() throws Exception {
    assertThat(registry.getCoder(TypeDescriptors.iterables(TypeDescriptors.strings())))
        .isEqualTo(IterableCoder.of(StringUtf8Coder.of()));
    assertThat(registry.getCoder(new TypeDescriptor<Collection<String>>() {}))
        .isEqualTo(ListCoder.of(StringUtf8Coder.of()));
    assertThat(registry.getCoder(new TypeDescriptor<ArrayList<String>>() {}))
        .isEqualTo(ListCoder.of(StringUtf8Coder.of()));
  }

  @Test
  void infersProtoCoderForAGeneratedMessage() throws Exception {
    assertThat(registry.getCoder(Timestamp.class)).isEqualTo(ProtoCoder.of(Timestamp.class));
  }

  @Test
  void fallsBackToSerializableCoderForAConcreteSerializableClass() throws Exception {
    assertThat(registry.getCoder(SerializablePoint.class)).isEqualTo(SerializableCoder.of(SerializablePoint.class));
  }

  @Test
  void honoursDefaultCoderWithAnOfClassFactory() throws Exception {
    assertThat(registry.getCoder(Annotated.class)).isEqualTo(JsonCoder.of(Annotated.class));
  }

  @Test
  void honoursDefaultCoderWithAnOfFactory() throws Exception {
    assertThat((Coder<?>) registry.getCoder(AnnotatedWithNoArgFactory.class)).isEqualTo(StringUtf8Coder.of());
  }

  @Test
  void explainsAnUnusableDefaultCoder() {
    assertThatThrownBy(() -> registry.getCoder(AnnotatedWithUnusableCoder.class))
        .isInstanceOf(CannotProvideCoderException.class)
        .hasMessageContaining("@DefaultCoder(KvCoder.class) on " + AnnotatedWithUnusableCoder.class.getName())
        .hasMessageContaining("no public static of(Class) or of()");
  }

  @Test
  void aCoderRegisteredForAClassWinsOverTheDefault() throws Exception {
    registry.registerCoderForClass(Long.class, BigEndianLongCoder.of());
    assertThat(registry.getCoder(new TypeDescriptor<List<Long>>() {})).isEqualTo(ListCoder.of(BigEndianLongCoder.of()));
  }

  @Test
  void aCoderRegisteredForAClassAppliesToItsParameterizations() throws Exception {
    Coder<?> boxCoder = SerializableCoder.of(Box.class);
    registry.registerCoderForClass(Box.class, boxCoder);
    assertThat((Coder<?>) registry.getCoder(new TypeDescriptor<Box<String>>() {})).isSameAs(boxCoder);
  }

  @Test
  void aCoderRegisteredForATypeAppliesToExactlyThatType() throws Exception {
    TypeDescriptor<KV<String, Long>> type = new TypeDescriptor<KV<String, Long>>() {};
    KvCoder<String, Long> custom = KvCoder.of(StringUtf8Coder.of(), BigEndianLongCoder.of());
    registry.registerCoderForType(type, custom);
    assertThat(registry.getCoder(type)).isSameAs(custom);
    assertThat(registry.getCoder(new TypeDescriptor<KV<String, Integer>>() {}))
        .isEqualTo(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
  }

  @Test
  void aRegisteredProviderReceivesTheComponentCoders() throws Exception {
    registry.registerCoderProvider(CoderProviders.fromStaticMethods(Box.class, ListCoder.class));
    assertThat((Coder<?>) registry.getCoder(new TypeDescriptor<Box<String>>() {}))
        .isEqualTo(ListCoder.of(StringUtf8Coder.of()));
  }

  @Test
  void theLatestRegisteredProviderWins() throws Exception {
    TypeDescriptor<String> strings = TypeDescriptors.strings();
    registry.registerCoderProvider(CoderProviders.forCoder(TypeDescriptor.of(SerializablePoint.class),
        JsonCoder.of(SerializablePoint.class)));
    registry.registerCoderProvider(CoderProviders.forCoder(TypeDescriptor.of(SerializablePoint.class),
        SerializableCoder.of(SerializablePoint.class)));
    assertThat(registry.getCoder(SerializablePoint.class)).isEqualTo(SerializableCoder.of(SerializablePoint.class));
    assertThat(registry.getCoder(strings)).isEqualTo(StringUtf8Coder.of());
  }

  @Test
  void failureNamesTheErasedTypeVariableOfAKv() {
    TypeDescriptor<?> kvOfT = TypeDescriptors.kvs(TypeDescriptors.strings(),
        TypeDescriptor.of(Box.class.getTypeParameters()[0]));
    assertThatThrownBy(() -> registry.getCoder(kvOfT))
        .isInstanceOf(CannotProvideCoderException.class)
        .hasMessage("Cannot provide a coder for KV<String, T>: no coder for type variable T;"
            + " the type was erased (a lambda or a generic DoFn)")
        .extracting(e -> ((CannotProvideCoderException) e).getReason())
        .isEqualTo(CannotProvideCoderException.ReasonCode.TYPE_ERASURE);
  }

  @Test
  void failureNamesTheNestedTypeArgumentThatHasNoCoder() {
    TypeDescriptor<?> type = TypeDescriptors.kvs(TypeDescriptors.strings(),
        TypeDescriptors.lists(TypeDescriptor.of(NotSerializable.class)));
    assertThatThrownBy(() -> registry.getCoder(type))
        .hasMessageStartingWith("Cannot provide a coder for KV<String, List<NotSerializable>>: no coder for type"
            + " argument List<NotSerializable> of KV: no coder for type argument NotSerializable of List: it is"
            + " neither Serializable nor a protobuf Message")
        .hasMessageContaining("registry.registerCoderForClass(NotSerializable.class, coder)");
  }

  @Test
  void aRawGenericClassFailsNamingItsFirstTypeVariable() {
    assertThatThrownBy(() -> registry.getCoder(List.class))
        .hasMessage("Cannot provide a coder for List: no coder for type variable E;"
            + " the type was erased (a lambda or a generic DoFn)");
  }

  @Test
  void anInterfaceIsNotGivenASerializableCoder() {
    assertThatThrownBy(() -> registry.getCoder(Comparable.class.asSubclass(Object.class)))
        .hasMessageContaining("no coder for type variable T");
    assertThatThrownBy(() -> registry.getCoder(Runnable.class))
        .hasMessageStartingWith("Cannot provide a coder for Runnable: it is an interface");
  }
}
