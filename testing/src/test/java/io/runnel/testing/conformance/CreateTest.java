package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.NullableCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: Create. */
class CreateTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void ofGivesTheValues() {
    PCollection<String> values = p.apply(Create.of("a", "b", "a"));
    PAssert.that(values).containsInAnyOrder("a", "a", "b");
    p.run();
  }

  @Test
  void ofIterableGivesTheValues() {
    PCollection<Integer> values = p.apply(Create.of(List.of(1, 2, 3)));
    PAssert.that(values).containsInAnyOrder(1, 2, 3);
    p.run();
  }

  @Test
  void timestampedValuesCarryTheirTimestamps() {
    PCollection<String> stamped = p
        .apply(Create.timestamped(
            TimestampedValue.of("a", Instant.ofEpochMilli(1_000)),
            TimestampedValue.of("b", Instant.ofEpochMilli(2_000))))
        .apply(ParDo.of(new ShowTimestampFn()));
    PAssert.that(stamped).containsInAnyOrder("a@1000", "b@2000");
    p.run();
  }

  @Test
  void valuesAndMillisecondTimestampsPairUpInOrder() {
    PCollection<String> stamped = p
        .apply(Create.timestamped(List.of("a", "b", "c"), List.of(3_000L, 1_000L, 2_000L)))
        .apply(ParDo.of(new ShowTimestampFn()));
    PAssert.that(stamped).containsInAnyOrder("a@3000", "b@1000", "c@2000");
    p.run();
  }

  @Test
  void valuesAndTimestampsOfDifferentLengthsAreRejected() {
    assertThatThrownBy(() -> Create.timestamped(List.of("a", "b"), List.of(1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one timestamp per value");
    assertThatThrownBy(() -> Create.timestamped(List.of("a"), List.of(1L, 2L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one timestamp per value");
  }

  @Test
  void emptyWithCoderIsEmpty() {
    PCollection<String> none = p.apply(Create.empty(StringUtf8Coder.of()));
    PAssert.that(none).empty();
    p.run();
  }

  @Test
  void emptyWithoutCoderIsRejectedWithTheFix() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    assertThatThrownBy(() -> pipeline.apply(Create.of(List.<String>of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot infer a coder")
        .hasMessageContaining("withCoder");
  }

  @Test
  void keyValuePairsGetAKvCoderFromTheirParts() {
    PCollection<KV<String, Integer>> pairs = p.apply(Create.of(KV.of("a", 1), KV.of("b", 2)));
    assertThat(pairs.getCoder()).isEqualTo(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()));
    PAssert.that(pairs).containsInAnyOrder(KV.of("a", 1), KV.of("b", 2));
    p.run();
  }

  @Test
  void nullValuesGetANullableCoder() {
    PCollection<String> values = p.apply(Create.of("a", (String) null));
    assertThat(values.getCoder()).isEqualTo(NullableCoder.of(StringUtf8Coder.of()));
    PAssert.that(values).containsInAnyOrder("a", null);
    p.run();
  }

  @Test
  void withCoderOverridesInference() {
    PCollection<Integer> values = p.apply(Create.of(1, 2).withCoder(VarIntCoder.of()));
    assertThat(values.getCoder()).isEqualTo(VarIntCoder.of());
    PAssert.that(values).containsInAnyOrder(1, 2);
    p.run();
  }

  @Test
  void manyValuesAreEachReadExactlyOnce() {
    List<Integer> input = IntStream.range(0, 3_000).boxed().toList();

    PAssert.that(p.apply(Create.of(input))).containsInAnyOrder(input);
    p.run();
  }

  @Test
  void timestampsAreKeptToTheNanosecond() {
    PCollection<String> stamped = p
        .apply(Create.timestamped(
            TimestampedValue.of("a", Instant.ofEpochSecond(10, 1)),
            TimestampedValue.of("b", Instant.ofEpochSecond(10, 999_999_999))))
        .apply(ParDo.of(new ShowExactTimestampFn()));
    PAssert.that(stamped).containsInAnyOrder("a@1970-01-01T00:00:10.000000001Z",
        "b@1970-01-01T00:00:10.999999999Z");
    p.run();
  }

  @Test
  void emptyTimestampedWithCoderIsEmpty() {
    PCollection<String> none = p.apply(Create.timestamped(List.<TimestampedValue<String>>of())
        .withCoder(StringUtf8Coder.of()));
    assertThat(none.getCoder()).isEqualTo(StringUtf8Coder.of());
    PAssert.that(none).empty();
    p.run();
  }

  private static final class ShowExactTimestampFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String e, @Timestamp Instant timestamp, OutputReceiver<String> out) {
      out.output(e + "@" + timestamp);
    }
  }

  private static final class ShowTimestampFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String e, @Timestamp Instant timestamp, OutputReceiver<String> out) {
      out.output(e + "@" + timestamp.toEpochMilli());
    }
  }
}
