package io.runnel.sdk.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LambdaTypesTest {
  /** Stands in for SerializableFunction, which lives in another package. */
  @FunctionalInterface
  interface Fn<InputT, OutputT> extends Serializable {
    OutputT apply(InputT input);
  }

  /** A functional interface inherited from a generic parent, with a default method. */
  interface StringFn<OutputT> extends Fn<String, OutputT> {
    default String describe() {
      return "string fn";
    }
  }

  static KV<String, Long> countOne(String word) {
    return KV.of(word, 1L);
  }

  static <T> List<T> singleton(T value) {
    return List.of(value);
  }

  private final String suffix = "!";

  @Test
  void lambdaReturningStringGivesString() {
    Fn<Integer, String> fn = i -> "n" + i;
    assertThat(LambdaTypes.outputTypeOf(fn, Fn.class)).contains(TypeDescriptors.strings());
    assertThat(LambdaTypes.inputTypeOf(fn, Fn.class)).contains(TypeDescriptors.integers());
  }

  @Test
  void lambdaReturningKvGivesOnlyTheRawKvBecauseJavacErasesLambdaBodies() {
    Fn<String, KV<String, Long>> fn = word -> KV.of(word, 1L);
    Optional<TypeDescriptor<?>> output = LambdaTypes.outputTypeOf(fn, Fn.class);
    assertThat(output).isPresent();
    assertThat(output.get().getRawType()).isEqualTo(KV.class);
    assertThat(output.get().hasUnresolvedParameters()).isTrue();
    assertThat(output.get()).hasToString("io.runnel.sdk.values.KV<K, V>");
  }

  @Test
  void capturingLambdaStillGivesItsErasedTypes() {
    Fn<String, String> fn = s -> s + suffix;
    assertThat(LambdaTypes.outputTypeOf(fn, Fn.class)).contains(TypeDescriptors.strings());
    assertThat(LambdaTypes.inputTypeOf(fn, Fn.class)).contains(TypeDescriptors.strings());
  }

  @Test
  void staticMethodReferenceGivesTheMethodsFullGenericTypes() {
    Fn<String, KV<String, Long>> fn = LambdaTypesTest::countOne;
    assertThat(LambdaTypes.outputTypeOf(fn, Fn.class)).contains(new TypeDescriptor<KV<String, Long>>() {});
    assertThat(LambdaTypes.inputTypeOf(fn, Fn.class)).contains(TypeDescriptors.strings());
  }

  @Test
  void unboundInstanceMethodReferenceGivesTheReceiverAsInputAndBoxesPrimitives() {
    Fn<String, Integer> fn = String::length;
    assertThat(LambdaTypes.inputTypeOf(fn, Fn.class)).contains(TypeDescriptors.strings());
    assertThat(LambdaTypes.outputTypeOf(fn, Fn.class)).contains(TypeDescriptors.integers());
  }

  @Test
  void boundInstanceMethodReferenceGivesTheMethodsTypes() {
    String prefix = "p";
    Fn<String, Boolean> fn = prefix::startsWith;
    assertThat(LambdaTypes.inputTypeOf(fn, Fn.class)).contains(TypeDescriptors.strings());
  }

  @Test
  void genericMethodReferenceKeepsTheMethodsTypeVariable() {
    Fn<String, List<String>> fn = LambdaTypesTest::singleton;
    Optional<TypeDescriptor<?>> output = LambdaTypes.outputTypeOf(fn, Fn.class);
    assertThat(output).isPresent();
    assertThat(output.get()).hasToString("java.util.List<T>");
    assertThat(output.get().hasUnresolvedParameters()).isTrue();
  }

  @Test
  void anonymousClassGivesFullGenericTypes() {
    Fn<String, KV<String, Long>> fn = new Fn<String, KV<String, Long>>() {
      @Override
      public KV<String, Long> apply(String input) {
        return KV.of(input, 1L);
      }
    };
    assertThat(LambdaTypes.outputTypeOf(fn, Fn.class)).contains(new TypeDescriptor<KV<String, Long>>() {});
    assertThat(LambdaTypes.inputTypeOf(fn, Fn.class)).contains(TypeDescriptors.strings());
  }

  @Test
  void resolvesThroughASubinterfaceWithADefaultMethod() {
    StringFn<List<Long>> fn = new StringFn<List<Long>>() {
      @Override
      public List<Long> apply(String input) {
        return List.of();
      }
    };
    assertThat(LambdaTypes.outputTypeOf(fn, Fn.class)).contains(new TypeDescriptor<List<Long>>() {});
    assertThat(LambdaTypes.inputTypeOf(fn, StringFn.class)).contains(TypeDescriptors.strings());
  }

  @Test
  void genericImplementationClassGivesNothing() {
    class Identity<T> implements Fn<T, T> {
      @Override
      public T apply(T input) {
        return input;
      }
    }
    assertThat(LambdaTypes.outputTypeOf(new Identity<String>(), Fn.class)).isEmpty();
  }

  @Test
  void lambdaReturningObjectGivesNothing() {
    Fn<String, Object> fn = s -> s;
    assertThat(LambdaTypes.outputTypeOf(fn, Fn.class)).isEmpty();
  }

  @Test
  void rejectsAFunctionThatDoesNotImplementTheInterface() {
    Fn<String, String> fn = s -> s;
    assertThatThrownBy(() -> LambdaTypes.outputTypeOf(fn, Runnable.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not implement java.lang.Runnable");
  }
}
