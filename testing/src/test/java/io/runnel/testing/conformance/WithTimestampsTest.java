package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.WithTimestamps;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.UsesFailureMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: WithTimestamps. */
class WithTimestampsTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void setsEachElementsTimestampFromTheFunction() {
    PCollection<String> stamped = p.apply(Create.of(1_000L, 5_000L))
        .apply(WithTimestamps.of((Long millis) -> Instant.ofEpochMilli(millis)))
        .apply(ParDo.of(new ShowTimestampFn()));
    PAssert.that(stamped).containsInAnyOrder("1000@1000", "5000@5000");
    p.run();
  }

  @Test
  @UsesFailureMessage
  void movingATimestampBackwardsFailsMentioningTheSkew() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    pipeline.apply(Create.timestamped(TimestampedValue.of(10L, Instant.ofEpochMilli(10_000))))
        .apply("Restamp", WithTimestamps.of((Long seconds) -> Instant.ofEpochSecond(seconds - 5)));
    assertThatThrownBy(pipeline::run)
        .isInstanceOf(Pipeline.PipelineExecutionException.class)
        .hasMessageContaining("Restamp")
        .hasMessageContaining("skew")
        .hasMessageContaining("withAllowedTimestampSkew");
  }

  @Test
  void allowedSkewPermitsMovingATimestampBackwards() {
    PCollection<String> stamped = p
        .apply(Create.timestamped(TimestampedValue.of(10L, Instant.ofEpochMilli(10_000))))
        .apply(WithTimestamps.of((Long seconds) -> Instant.ofEpochSecond(seconds - 5))
            .withAllowedTimestampSkew(Duration.ofSeconds(5)))
        .apply(ParDo.of(new ShowTimestampFn()));
    PAssert.that(stamped).containsInAnyOrder("10@5000");
    p.run();
  }

  private static final class ShowTimestampFn extends DoFn<Long, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Long e, @Timestamp Instant timestamp, OutputReceiver<String> out) {
      out.output(e + "@" + timestamp.toEpochMilli());
    }
  }
}
