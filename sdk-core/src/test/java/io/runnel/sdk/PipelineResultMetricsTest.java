package io.runnel.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelineResultMetricsTest {
  @Test
  void runnerWithoutMetricsSupportReportsNone() {
    PipelineResult result = new PipelineResult() {
      @Override
      public State getState() {
        return State.DONE;
      }

      @Override
      public State cancel() {
        return State.DONE;
      }

      @Override
      public State waitUntilFinish(Duration duration) {
        return State.DONE;
      }

      @Override
      public State waitUntilFinish() {
        return State.DONE;
      }
    };
    var all = result.metrics().allMetrics();
    assertThat(all.getCounters()).isEmpty();
    assertThat(all.getDistributions()).isEmpty();
    assertThat(all.getGauges()).isEmpty();
  }
}
