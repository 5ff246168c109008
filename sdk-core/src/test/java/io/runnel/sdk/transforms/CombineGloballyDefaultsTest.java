package io.runnel.sdk.transforms;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.FixedWindows;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code Combine.globally} with defaults (as {@code Top}, {@code Sum.integersGlobally} apply it)
 * needs the global window, as in Beam; {@code withoutDefaults()} lifts that.
 */
class CombineGloballyDefaultsTest {
  private static PCollection<Integer> windowed(Pipeline p) {
    return p.apply(Create.of(3, 1, 2))
        .apply(Window.<Integer>into(FixedWindows.of(Duration.ofMinutes(1))));
  }

  @Test
  void topWithDefaultsInFixedWindowsFailsNamingTheTransformAndTheFixes() {
    PCollection<Integer> numbers = windowed(Pipeline.create());

    assertThatThrownBy(() -> numbers.apply("Largest", Top.largest(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Largest")
        .hasMessageContaining("not windowed by GlobalWindows")
        .hasMessageContaining("withoutDefaults()")
        .hasMessageContaining("asSingletonView()");
  }

  @Test
  void withoutDefaultsOrInTheGlobalWindowItIsFine() {
    Pipeline p = Pipeline.create();
    assertThatCode(() -> windowed(p).apply("Sum",
        Combine.globally(Sum.ofIntegers()).withoutDefaults())).doesNotThrowAnyException();
    assertThatCode(() -> p.apply("Global", Create.of(1)).apply("Top", Top.largest(1)))
        .doesNotThrowAnyException();
  }
}
