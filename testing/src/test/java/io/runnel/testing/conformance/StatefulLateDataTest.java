package io.runnel.testing.conformance;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.testing.UsesStatefulParDo;
import io.runnel.testing.UsesTestStream;
import io.runnel.windowing.FixedWindows;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: an element arriving after its window expired (end plus allowed lateness) does not
 * reach a stateful DoFn, whose state there is already gone. Within the allowed lateness it is
 * processed with the window's state. (The direct runner also counts the dropped element in its
 * metric {@code ParDo/droppedDueToLateness}; that metric is not part of the SDK, so its check is
 * a direct-runner test.)
 */
@UsesTestStream
@UsesStatefulParDo
class StatefulLateDataTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<KV<String, Integer>> at(String key, long seconds) {
    return TimestampedValue.of(KV.of(key, 1), Instant.ofEpochSecond(seconds));
  }

  @Test
  void elementsOfExpiredWindowsAreDroppedOthersSeeTheWindowsState() {
    PCollection<KV<String, Integer>> counts = p
        .apply(TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
            .addElements(at("a", 10))
            .advanceWatermarkTo(Instant.ofEpochSecond(70))
            .addElements(at("a", 20))
            .advanceWatermarkTo(Instant.ofEpochSecond(200))
            .addElements(at("a", 30))
            .advanceWatermarkToInfinity())
        .apply(Window.<KV<String, Integer>>into(FixedWindows.of(Duration.ofMinutes(1)))
            .withAllowedLateness(Duration.ofSeconds(30)))
        .apply("Count", ParDo.of(new StateKindsTest.CountFn()));

    PAssert.that(counts).containsInAnyOrder(KV.of("a", 1), KV.of("a", 2));
    p.run();
  }
}
