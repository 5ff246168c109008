package io.runnel.runners.direct;

import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Sum;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.TestStream;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.IntervalWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The direct runner delivers each {@code TestStream.addElements} call as one bundle, as Beam's
 * DirectRunner does, and triggers are evaluated once per bundle: a data-driven trigger sees all
 * elements of one call at once. How a runner cuts bundles is its own choice, so this is checked
 * here rather than in the conformance suite.
 */
class TestStreamBundlesOnDirectRunnerTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<KV<String, Integer>> score(int value, int minute) {
    return TimestampedValue.of(KV.of("k", value), Instant.EPOCH.plus(Duration.ofMinutes(minute)));
  }

  @Test
  void anElementCountTriggerIsCheckedOncePerAddElementsCall() {
    PCollection<KV<String, Integer>> sums = p
        .apply(TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
            .addElements(score(1, 1), score(2, 2), score(4, 3))
            .advanceWatermarkToInfinity())
        .apply(Window.<KV<String, Integer>>into(FixedWindows.of(Duration.ofMinutes(10)))
            .triggering(AfterPane.elementCountAtLeast(2))
            .withAllowedLateness(Duration.ZERO)
            .discardingFiredPanes())
        .apply(Sum.integersPerKey());

    // One pane with all three elements, early and final (the trigger finished): had the
    // trigger been checked per element, it would have fired with 1 + 2 and dropped the 4.
    IntervalWindow window = new IntervalWindow(Instant.EPOCH, Duration.ofMinutes(10));
    PAssert.that(sums).containsInAnyOrder(KV.of("k", 7));
    PAssert.that(sums).inEarlyPane(window).containsInAnyOrder(KV.of("k", 7));
    PAssert.that(sums).inFinalPane(window).containsInAnyOrder(KV.of("k", 7));
    p.run();
  }
}
