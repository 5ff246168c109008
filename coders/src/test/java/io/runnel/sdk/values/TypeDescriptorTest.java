package io.runnel.sdk.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeDescriptorTest {
  /** Stands in for DoFn: a generic superclass whose arguments a subclass binds. */
  abstract static class Fn<InputT, OutputT> {
    TypeDescriptor<InputT> inputType() {
      return new TypeDescriptor<InputT>(getClass()) {};
    }

    TypeDescriptor<OutputT> outputType() {
      return new TypeDescriptor<OutputT>(this) {};
    }
  }

  static class CountFn extends Fn<String, KV<String, Long>> {}

  /** Binds only the output; passes its own variable on as the input. */
  abstract static class ToLongFn<T> extends Fn<T, Long> {}

  static class LengthFn extends ToLongFn<List<String>> {}

  /** Swaps and nests the variables of an intermediate class. */
  abstract static class Swapped<A, B> extends Fn<Map<B, A>, List<A>> {}

  static class SwappedImpl extends Swapped<Integer, String> {}

  interface Source<T> {}

  static class StringSource implements Source<String> {}

  static class SubSource extends StringSource {}

  static class GenericFn<T> extends Fn<T, T> {}

  @SuppressWarnings("rawtypes")
  static class RawFn extends Fn {}

  @Test
  void capturesAParameterizedTypeFromAnAnonymousSubclass() {
    TypeDescriptor<KV<String, Long>> type = new TypeDescriptor<KV<String, Long>>() {};
    assertThat(type.getRawType()).isEqualTo(KV.class);
    assertThat(type.getType()).isInstanceOf(ParameterizedType.class);
    assertThat(type).hasToString("io.runnel.sdk.values.KV<java.lang.String, java.lang.Long>");
  }

  @Test
  void capturedAndBuiltDescriptorsOfTheSameTypeAreEqual() {
    TypeDescriptor<KV<String, Long>> captured = new TypeDescriptor<KV<String, Long>>() {};
    TypeDescriptor<KV<String, Long>> built = TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs());
    assertThat(built).isEqualTo(captured).hasSameHashCodeAs(captured);
    assertThat(captured).isEqualTo(built);
  }

  @Test
  void descriptorsOfDifferentTypesAreNotEqual() {
    assertThat(new TypeDescriptor<List<String>>() {}).isNotEqualTo(new TypeDescriptor<List<Long>>() {});
  }

  @Test
  void resolvesTheArgumentsOfAGenericSuperclass() {
    assertThat(TypeDescriptor.resolveSupertypeArgument(CountFn.class, Fn.class, 0)).isEqualTo(TypeDescriptors.strings());
    assertThat(TypeDescriptor.resolveSupertypeArgument(CountFn.class, Fn.class, 1))
        .isEqualTo(new TypeDescriptor<KV<String, Long>>() {});
  }

  @Test
  void resolvesThroughAPartiallyParameterizedIntermediateClass() {
    assertThat(TypeDescriptor.resolveSupertypeArgument(LengthFn.class, Fn.class, 0))
        .isEqualTo(new TypeDescriptor<List<String>>() {});
    assertThat(TypeDescriptor.resolveSupertypeArgument(LengthFn.class, Fn.class, 1)).isEqualTo(TypeDescriptors.longs());
  }

  @Test
  void resolvesVariablesSwappedAndNestedByAnIntermediateClass() {
    assertThat(TypeDescriptor.resolveSupertypeArgument(SwappedImpl.class, Fn.class, 0))
        .isEqualTo(new TypeDescriptor<Map<String, Integer>>() {});
    assertThat(TypeDescriptor.resolveSupertypeArgument(SwappedImpl.class, Fn.class, 1))
        .isEqualTo(new TypeDescriptor<List<Integer>>() {});
  }

  @Test
  void resolvesAGenericInterfaceImplementedBySuperclass() {
    assertThat(TypeDescriptor.resolveSupertypeArgument(SubSource.class, Source.class, 0))
        .isEqualTo(TypeDescriptors.strings());
  }

  @Test
  void leavesAVariableOfTheConcreteClassUnresolved() {
    TypeDescriptor<?> input = TypeDescriptor.resolveSupertypeArgument(GenericFn.class, Fn.class, 0);
    assertThat(input.hasUnresolvedParameters()).isTrue();
    assertThat(input).hasToString("T");
  }

  @Test
  void givesTheSupertypesOwnVariableForARawSupertype() {
    TypeDescriptor<?> input = TypeDescriptor.resolveSupertypeArgument(RawFn.class, Fn.class, 0);
    assertThat(input.getType()).isEqualTo(Fn.class.getTypeParameters()[0]);
  }

  @Test
  void rejectsAClassThatIsNotASubtype() {
    assertThatThrownBy(() -> TypeDescriptor.resolveSupertypeArgument(String.class, Fn.class, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String is not a subtype of");
  }

  @Test
  void rejectsAnIndexOutOfRange() {
    assertThatThrownBy(() -> TypeDescriptor.resolveSupertypeArgument(CountFn.class, Fn.class, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has 2 type parameters; there is no index 2");
  }

  @Test
  void capturedVariableResolvesAgainstTheInstanceClassAsDoFnDoes() {
    CountFn fn = new CountFn();
    assertThat(fn.inputType()).isEqualTo(TypeDescriptors.strings());
    assertThat(fn.outputType()).isEqualTo(new TypeDescriptor<KV<String, Long>>() {});
  }

  @Test
  void resolveTypeSubstitutesVariablesBoundBySupertypes() {
    Type outputVariable = Fn.class.getTypeParameters()[1];
    assertThat(TypeDescriptor.of(LengthFn.class).resolveType(outputVariable)).isEqualTo(TypeDescriptors.longs());
  }

  @Test
  void getSupertypeResolvesArguments() {
    assertThat(new TypeDescriptor<ArrayList<String>>() {}.getSupertype(List.class))
        .isEqualTo(new TypeDescriptor<List<String>>() {});
  }

  @Test
  void getTypeParameterFindsAVariableByName() {
    assertThat(TypeDescriptor.of(KV.class).getTypeParameter("V")).isEqualTo(KV.class.getTypeParameters()[1]);
    assertThatThrownBy(() -> TypeDescriptor.of(KV.class).getTypeParameter("X"))
        .hasMessageContaining("has no type parameter named X");
  }

  @Test
  void aConcreteTypeHasNoUnresolvedParameters() {
    assertThat(new TypeDescriptor<Map<String, List<Long>>>() {}.hasUnresolvedParameters()).isFalse();
    assertThat(TypeDescriptor.of(String.class).hasUnresolvedParameters()).isFalse();
  }

  @Test
  void aTypeMentioningAVariableHasUnresolvedParameters() {
    assertThat(TypeDescriptors.lists(TypeDescriptor.of(List.class.getTypeParameters()[0])).hasUnresolvedParameters())
        .isTrue();
  }

  @Test
  @SuppressWarnings("rawtypes")
  void anonymousSubclassWithoutTypeArgumentIsRejected() {
    assertThatThrownBy(() -> new TypeDescriptor() {})
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("new TypeDescriptor<KV<String, Long>>() {}");
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    TypeDescriptor<Map<String, List<Long>>> type = new TypeDescriptor<Map<String, List<Long>>>() {};
    assertThat(roundTrip(type)).isEqualTo(type);
  }

  @Test
  void survivesJavaSerializationWithTypeVariablesAndArrays() throws Exception {
    TypeDescriptor<?> variable = TypeDescriptor.resolveSupertypeArgument(GenericFn.class, Fn.class, 0);
    assertThat(roundTrip(variable)).isEqualTo(variable);
    TypeDescriptor<List<String>[]> array = new TypeDescriptor<List<String>[]>() {};
    assertThat(roundTrip(array)).isEqualTo(array);
    TypeDescriptor<List<? extends Number>> wildcard = new TypeDescriptor<List<? extends Number>>() {};
    assertThat(roundTrip(wildcard)).isEqualTo(wildcard);
  }

  private static Object roundTrip(Object object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
