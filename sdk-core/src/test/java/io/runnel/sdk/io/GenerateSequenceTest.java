package io.runnel.sdk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollection.IsBounded;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GenerateSequence picks Beam's read for each combination of settings. */
class GenerateSequenceTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  /** A combination of settings, the boundedness and primitive it gives, and the limits. */
  record Case(String name, UnaryOperator<GenerateSequence> settings, IsBounded bounded,
      Class<?> primitive, Long maxNumRecords, Duration maxReadTime) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> combinations() {
    return Stream.of(
        new Case("to", g -> g.to(10), IsBounded.BOUNDED, Read.Bounded.class, null, null),
        new Case("endless", g -> g, IsBounded.UNBOUNDED, Read.Unbounded.class, null, null),
        new Case("endless with rate", g -> g.withRate(5, SECOND), IsBounded.UNBOUNDED,
            Read.Unbounded.class, null, null),
        new Case("endless with timestamps", g -> g.withTimestampFn(Instant::ofEpochSecond),
            IsBounded.UNBOUNDED, Read.Unbounded.class, null, null),
        new Case("endless with read time", g -> g.withMaxReadTime(SECOND), IsBounded.BOUNDED,
            BoundedReadFromUnboundedSource.class, Long.MAX_VALUE, SECOND),
        new Case("to with rate", g -> g.to(10).withRate(5, SECOND), IsBounded.BOUNDED,
            BoundedReadFromUnboundedSource.class, 7L, null),
        new Case("to with timestamps", g -> g.to(10).withTimestampFn(Instant::ofEpochSecond),
            IsBounded.BOUNDED, BoundedReadFromUnboundedSource.class, 7L, null),
        new Case("to with read time", g -> g.to(10).withMaxReadTime(SECOND), IsBounded.BOUNDED,
            BoundedReadFromUnboundedSource.class, 7L, SECOND),
        new Case("everything", g -> g.to(10).withRate(5, SECOND)
            .withTimestampFn(Instant::ofEpochSecond).withMaxReadTime(SECOND), IsBounded.BOUNDED,
            BoundedReadFromUnboundedSource.class, 7L, SECOND))
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("combinations")
  void eachCombinationReadsAsBeamDecides(Case c) {
    Pipeline p = Pipeline.create();

    PCollection<Long> numbers = p.apply(c.settings().apply(GenerateSequence.from(3)));

    PTransform<?, ?> primitive = Primitives.single(p);
    assertThat(numbers.isBounded()).isEqualTo(c.bounded());
    assertThat(numbers.getCoder()).isEqualTo(VarLongCoder.of());
    assertThat(primitive).isInstanceOf(c.primitive());
    if (primitive instanceof BoundedReadFromUnboundedSource<?> limited) {
      assertThat(limited.getMaxNumRecords()).isEqualTo(c.maxNumRecords());
      assertThat(limited.getMaxReadTime()).isEqualTo(c.maxReadTime());
    }
  }

  @Test
  void boundedSequenceReadsTheRangeFromInclusiveToExclusive() throws Exception {
    Pipeline p = Pipeline.create();

    p.apply(GenerateSequence.from(5).to(9));

    Read.Bounded<?> read = (Read.Bounded<?>) Primitives.single(p);
    @SuppressWarnings("unchecked")
    BoundedSource<Long> source = (BoundedSource<Long>) read.getSource();
    assertThat(CountingSourceTest.readAll(source)).containsExactly(5L, 6L, 7L, 8L);
  }

  @Test
  void emptyRangeIsAllowed() throws Exception {
    Pipeline p = Pipeline.create();

    p.apply(GenerateSequence.from(5).to(5));

    @SuppressWarnings("unchecked")
    BoundedSource<Long> source = (BoundedSource<Long>) ((Read.Bounded<?>) Primitives.single(p))
        .getSource();
    assertThat(CountingSourceTest.readAll(source)).isEmpty();
  }

  @Test
  void unboundedSequenceStartsAtFrom() throws Exception {
    Pipeline p = Pipeline.create();

    p.apply(GenerateSequence.from(42).withTimestampFn(Instant::ofEpochSecond));

    @SuppressWarnings("unchecked")
    UnboundedSource<Long, CountingSource.CounterMark> source =
        (UnboundedSource<Long, CountingSource.CounterMark>)
            ((Read.Unbounded<?>) Primitives.single(p)).getSource();
    UnboundedSource.UnboundedReader<Long> reader = source.createReader(p.getOptions(), null);
    assertThat(reader.start()).isTrue();
    assertThat(reader.getCurrent()).isEqualTo(42L);
    assertThat(reader.getCurrentTimestamp()).isEqualTo(Instant.ofEpochSecond(42));
  }

  @Test
  void negativeStartIsRejected() {
    assertThatThrownBy(() -> GenerateSequence.from(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GenerateSequence.from(-1)");
  }

  @Test
  void endBeforeStartIsRejected() {
    assertThatThrownBy(() -> GenerateSequence.from(5).to(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GenerateSequence.to(3)")
        .hasMessageContaining("from(5)");
  }

  @Test
  void nonPositiveRateIsRejected() {
    GenerateSequence sequence = GenerateSequence.from(0);

    assertThatThrownBy(() -> sequence.withRate(0, SECOND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GenerateSequence.withRate(0, PT1S)");
    assertThatThrownBy(() -> sequence.withRate(3, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GenerateSequence.withRate(3, PT0S)");
    assertThatThrownBy(() -> sequence.withRate(3, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GenerateSequence.withRate(3, null)");
  }

  @Test
  void negativeMaxReadTimeIsRejected() {
    assertThatThrownBy(() -> GenerateSequence.from(0).withMaxReadTime(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GenerateSequence.withMaxReadTime(PT-1S)");
  }

  @Test
  void missingTimestampFunctionIsRejected() {
    assertThatThrownBy(() -> GenerateSequence.from(0).withTimestampFn(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GenerateSequence.withTimestampFn(null)");
  }
}
