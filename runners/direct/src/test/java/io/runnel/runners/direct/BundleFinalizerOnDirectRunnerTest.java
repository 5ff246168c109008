package io.runnel.runners.direct;

import static io.runnel.runners.direct.ScriptedUnboundedSource.end;
import static io.runnel.runners.direct.ScriptedUnboundedSource.gate;
import static io.runnel.runners.direct.ScriptedUnboundedSource.numbered;
import static io.runnel.runners.direct.ScriptedUnboundedSource.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.runners.direct.ScriptedUnboundedSource.Callback;
import io.runnel.runners.direct.ScriptedUnboundedSource.RunLog;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.metrics.Counter;
import io.runnel.sdk.metrics.Metrics;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.sdk.values.KV;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code DoFn.BundleFinalizer} on the direct runner: a callback runs once its bundle has
 * committed (the bundle's metrics are committed when it runs), never for a bundle that failed,
 * and not once its expiry has passed; in stateless and stateful DoFns. One split, bundles of 5
 * elements ({@code --directReadBundleSize=5}) with a read time long enough never to cut them.
 */
class BundleFinalizerOnDirectRunnerTest {
  private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
  private static final Duration DEADLINE = Duration.ofSeconds(8);

  private final String runId = UUID.randomUUID().toString();
  private final RunLog log = ScriptedUnboundedSource.log(runId);

  @AfterEach
  void forgetLog() {
    ScriptedUnboundedSource.forget(runId);
  }

  private static Pipeline pipeline(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("--directReadBundleSize=5",
        "--directReadBundleTime=30s"));
    args.addAll(List.of(extra));
    return Pipeline.create(PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).create());
  }

  private static List<String> elements(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "e" + i).toList();
  }

  /**
   * For each element, asks for a callback an hour ahead, then throws if it is {@code failOn},
   * else records and counts it (the counter of {@link RecordFn}).
   */
  static final class FinalizingFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final String failOn;
    private final Counter processed = Metrics.counter(RecordFn.NAMESPACE, RecordFn.COUNTER);

    FinalizingFn(String runId, String failOn) {
      this.runId = runId;
      this.failOn = failOn;
    }

    @ProcessElement
    public void process(@Element String element, BundleFinalizer finalizer,
        OutputReceiver<String> out) {
      RunLog log = ScriptedUnboundedSource.log(runId);
      finalizer.afterBundleCommit(Instant.now().plus(Duration.ofHours(1)),
          () -> log.callback(element));
      if (element.equals(failOn)) {
        throw new IllegalStateException("FinalizingFn fails on " + element);
      }
      log.processed(element);
      processed.inc();
      out.output(element);
    }
  }

  @Test
  void eachCallbackRunsAfterItsWholeBundleCommitted() {
    Pipeline p = pipeline("--blockOnRun=false");
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            script(List.of(gate("go")), numbered("e", 12, T), List.of(end())))))
        .apply("Finalize", ParDo.of(new FinalizingFn(runId, null)));

    PipelineResult result = p.run();
    log.committedProbe = () -> RecordFn.committed(result);
    log.open("go");

    assertThat(result.waitUntilFinish(DEADLINE)).isEqualTo(PipelineResult.State.DONE);
    List<Callback> callbacks = log.callbacks();
    assertThat(callbacks).extracting(Callback::element).as("one callback per element, once")
        .containsExactlyElementsOf(elements(1, 12));
    for (int i = 1; i <= 12; i++) {
      long bundleEnd = Math.min(12, (i + 4) / 5 * 5);
      assertThat(callbacks.get(i - 1).committedBefore())
          .as("committed count when the callback of e%s (bundle up to e%s) ran", i, bundleEnd)
          .isGreaterThanOrEqualTo(bundleEnd);
    }
  }

  @Test
  void noCallbackOfAFailedBundleRuns() {
    Pipeline p = pipeline();
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            script(numbered("e", 12, T), List.of(end())))))
        .apply("Finalize", ParDo.of(new FinalizingFn(runId, "e8")));

    Pipeline.PipelineExecutionException failure = assertTimeoutPreemptively(DEADLINE,
        () -> catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run));

    assertThat(failure).isNotNull();
    assertThat(log.processed()).as("the failed bundle e6-e10 got as far as e7")
        .containsExactlyElementsOf(elements(1, 7));
    assertThat(log.callbacks()).extracting(Callback::element)
        .as("callbacks of the committed bundle only").containsExactlyElementsOf(elements(1, 5));
  }

  /** Asks for a callback that already expired and one an hour ahead, for each element. */
  static final class ExpiringFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    ExpiringFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element String element, BundleFinalizer finalizer) {
      RunLog log = ScriptedUnboundedSource.log(runId);
      finalizer.afterBundleCommit(Instant.now().minusSeconds(1),
          () -> log.callback("expired " + element));
      finalizer.afterBundleCommit(Instant.now().plus(Duration.ofHours(1)),
          () -> log.callback("live " + element));
    }
  }

  @Test
  void aCallbackPastItsExpiryIsDropped() {
    Pipeline p = pipeline();
    p.apply(Create.of("a", "b", "c")).apply(ParDo.of(new ExpiringFn(runId)));

    assertTimeoutPreemptively(DEADLINE, () -> p.run());

    assertThat(log.callbacks()).extracting(Callback::element)
        .containsExactlyInAnyOrder("live a", "live b", "live c");
  }

  /** A stateful {@link FinalizingFn}: counts per key in state as well. */
  static final class StatefulFinalizingFn extends DoFn<KV<String, String>, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final String failOn;

    @StateId("count")
    private final StateSpec<ValueState<Integer>> countSpec = StateSpecs.value(VarIntCoder.of());

    StatefulFinalizingFn(String runId, String failOn) {
      this.runId = runId;
      this.failOn = failOn;
    }

    @ProcessElement
    public void process(@Element KV<String, String> element, BundleFinalizer finalizer,
        @StateId("count") ValueState<Integer> count, OutputReceiver<String> out) {
      RunLog log = ScriptedUnboundedSource.log(runId);
      String value = element.getValue();
      finalizer.afterBundleCommit(Instant.now().plus(Duration.ofHours(1)),
          () -> log.callback(value));
      if (value.equals(failOn)) {
        throw new IllegalStateException("StatefulFinalizingFn fails on " + value);
      }
      count.write(count.read() == null ? 1 : count.read() + 1);
      log.processed(value);
      out.output(value);
    }
  }

  @Test
  void callbacksOfAStatefulDoFnRunForCommittedBundlesOnly() {
    Pipeline p = pipeline();
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            script(numbered("e", 12, T), List.of(end())))))
        .apply(WithKeys.of("k"))
        .apply("Finalize", ParDo.of(new StatefulFinalizingFn(runId, "e8")));

    Pipeline.PipelineExecutionException failure = assertTimeoutPreemptively(DEADLINE,
        () -> catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run));

    assertThat(failure).isNotNull();
    assertThat(log.processed()).containsExactlyElementsOf(elements(1, 7));
    assertThat(log.callbacks()).extracting(Callback::element)
        .as("callbacks of the committed bundle only").containsExactlyElementsOf(elements(1, 5));
  }

  @Test
  void callbacksOfAStatefulDoFnAllRunWhenNothingFails() {
    Pipeline p = pipeline();
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            script(numbered("e", 12, T), List.of(end())))))
        .apply(WithKeys.of("k"))
        .apply("Finalize", ParDo.of(new StatefulFinalizingFn(runId, null)));

    assertTimeoutPreemptively(DEADLINE, () -> p.run());

    assertThat(log.callbacks()).extracting(Callback::element)
        .containsExactlyElementsOf(elements(1, 12));
  }
}
