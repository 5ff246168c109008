package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.state.BagState;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A stateful ParDo runs in key-group shards, each with its own DoFn instance, fed in bundle order,
 * so each instance's bundles, its state, and what its timers output are the same on every run
 * whatever the parallelism.
 */
class StatefulDeterminismTest {
  /** Per run, per DoFn instance, the bundles it saw, in order. */
  private static final Map<String, List<List<String>>> INSTANCES = new ConcurrentHashMap<>();

  /** The bundles each instance of a run saw, one line per instance, sorted. */
  private static List<String> historiesOf(String runId) {
    List<String> histories = new ArrayList<>();
    for (List<String> bundles : INSTANCES.remove(runId)) {
      histories.add(String.join(" | ", bundles));
    }
    java.util.Collections.sort(histories);
    return histories;
  }

  private static List<String> register(String runId) {
    List<String> bundles = new ArrayList<>();
    INSTANCES.computeIfAbsent(runId, id -> java.util.Collections.synchronizedList(
        new ArrayList<>())).add(bundles);
    return bundles;
  }

  /** Keeps each key's values in arrival order; a timer emits them when the input is complete. */
  static final class HistoryFn extends DoFn<KV<Integer, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("history")
    private final StateSpec<BagState<String>> history = StateSpecs.bag(StringUtf8Coder.of());

    @TimerId("emit")
    private final TimerSpec emit = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(@Element KV<Integer, String> e,
        @StateId("history") BagState<String> history, @TimerId("emit") Timer emit) {
      history.add(e.getValue());
      emit.set(Instant.ofEpochSecond(e.getKey()));
    }

    @OnTimer("emit")
    public void onEmit(@Key Integer key, @StateId("history") BagState<String> history,
        OutputReceiver<String> out) {
      out.output(key + "=" + String.join(",", history.read()));
    }
  }

  /** Records, per bundle of each instance of the function, the elements it processed, in order. */
  static final class BundleRecordingFn extends DoFn<KV<Integer, String>, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private transient StringBuilder bundle;
    private transient List<String> bundles;

    @Setup
    public void setup() {
      bundles = register(runId);
    }

    @StateId("seen")
    private final StateSpec<BagState<String>> seen = StateSpecs.bag(StringUtf8Coder.of());

    BundleRecordingFn(String runId) {
      this.runId = runId;
    }

    @StartBundle
    public void startBundle() {
      bundle = new StringBuilder();
    }

    @ProcessElement
    public void process(@Element KV<Integer, String> e, @StateId("seen") BagState<String> seen) {
      seen.add(e.getValue());
      bundle.append(e.getValue()).append(' ');
    }

    @FinishBundle
    public void finishBundle() {
      bundles.add(bundle.toString());
    }
  }

  private static List<String> runAndRecordBundles(String... args) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    List<String> input = new ArrayList<>();
    IntStream.range(0, 2_000).forEach(i -> input.add("e" + i));
    String runId = UUID.randomUUID().toString();
    p.apply(Create.of(input))
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new OutputOrder.KeyByRemainder(50)))
        .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()))
        .apply(ParDo.of(new BundleRecordingFn(runId)));
    p.run();
    return historiesOf(runId);
  }

  /**
   * With one worker the input stage runs inline and hands elements to the stateful function as
   * they come; with several, the function gets each bundle at its commit. Every instance sees
   * the same bundles, with the same elements in the same order.
   */
  @Test
  void inlineAndCommittedBundlesReachTheFunctionAlike() {
    List<String> inline = runAndRecordBundles("--directParallelism=1", "--directBundleSize=7");

    assertThat(inline).hasSizeGreaterThan(1);
    assertThat(String.join(" | ", inline).split(" \\| ")).hasSizeGreaterThan(10);
    assertThat(String.join("", inline).replace("|", "").trim().split(" +")).hasSize(2_000);
    assertThat(runAndRecordBundles("--directParallelism=4", "--directBundleSize=7"))
        .isEqualTo(inline);
  }

  /** Emits 40,000 keyed elements per range index: bundles far larger than a worker buffers. */
  static final class FanOutFn extends DoFn<Integer, KV<Integer, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Integer range, OutputReceiver<KV<Integer, String>> out) {
      for (int i = 0; i < 40_000; i++) {
        out.output(KV.of(i % 1_000, range + ":" + i));
      }
    }
  }

  /** Per bundle of the stateful function: how many elements, and a digest of their order. */
  static final class BundleDigestFn extends DoFn<KV<Integer, String>, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private transient long count;
    private transient long digest;
    private transient List<String> bundles;

    @Setup
    public void setup() {
      bundles = register(runId);
    }

    @StateId("count")
    private final StateSpec<ValueState<Integer>> countSpec =
        StateSpecs.value(VarIntCoder.of());

    BundleDigestFn(String runId) {
      this.runId = runId;
    }

    @StartBundle
    public void startBundle() {
      count = 0;
      digest = 17;
    }

    @ProcessElement
    public void process(@Element KV<Integer, String> e,
        @StateId("count") ValueState<Integer> perKey) {
      Integer seen = perKey.read();
      int next = seen == null ? 1 : seen + 1;
      perKey.write(next);
      count++;
      digest = digest * 31 + e.getValue().hashCode() * 7L + next;
    }

    @FinishBundle
    public void finishBundle() {
      bundles.add(count + ":" + digest);
    }
  }

  private static List<String> runBigBundles(String... args) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    String runId = UUID.randomUUID().toString();
    p.apply(Create.of(IntStream.range(0, 8).boxed().toList()))
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new FanOutFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()))
        .apply(ParDo.of(new BundleDigestFn(runId)));
    p.run();
    return historiesOf(runId);
  }

  /**
   * Workers that would buffer more than a bounded number of elements for the stateful function
   * wait for their bundle's turn instead; the function still sees the same bundles in the same
   * order as with one worker.
   */
  @Test
  void bundlesLargerThanAWorkerBuffersReachTheFunctionInOrder() {
    List<String> inline = runBigBundles("--directParallelism=1", "--directBundleSize=1",
        "--enforceEncodability=false", "--enforceImmutability=false");

    // Every instance took part in each of the eight input bundles of 40,000 elements (1,000 keys
    // over all shards), then in the bundle in which the windows expire at the end.
    assertThat(inline).hasSizeGreaterThan(1);
    long total = 0;
    for (String history : inline) {
      String[] bundles = history.split(" \\| ");
      assertThat(bundles).hasSizeGreaterThanOrEqualTo(9);
      for (String bundle : bundles) {
        total += Long.parseLong(bundle.substring(0, bundle.indexOf(':')));
      }
    }
    assertThat(total).isEqualTo(8 * 40_000);
    for (int threads = 2; threads <= 4; threads++) {
      assertThat(runBigBundles("--directParallelism=" + threads, "--directBundleSize=1",
          "--enforceEncodability=false", "--enforceImmutability=false"))
          .as("%d threads", threads).isEqualTo(inline);
    }
  }

  /** Fails on one element of the fourth range, after earlier ranges went through. */
  static final class FailOnceFn extends DoFn<KV<Integer, String>, String> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Integer>> countSpec =
        StateSpecs.value(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<Integer, String> e,
        @StateId("count") ValueState<Integer> count) {
      if (e.getValue().equals("3:30000")) {
        throw new IllegalStateException("bad element " + e.getValue());
      }
      Integer seen = count.read();
      count.write(seen == null ? 1 : seen + 1);
    }
  }

  /**
   * A failure in the stateful function while workers wait for their turn fails the run with the
   * transform and element named, and the waiting workers let go (no hang).
   */
  @Test
  void aFailureWhileWorkersWaitForTheirTurnEndsTheRun() {
    for (int threads = 1; threads <= 4; threads++) {
      String[] args = {"--directParallelism=" + threads, "--directBundleSize=1",
          "--enforceEncodability=false", "--enforceImmutability=false"};
      Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
      p.apply(Create.of(IntStream.range(0, 8).boxed().toList()))
          .apply(Reshuffle.viaRandomKey())
          .apply(ParDo.of(new FanOutFn()))
          .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()))
          .apply("FailOnce", ParDo.of(new FailOnceFn()));

      Pipeline.PipelineExecutionException failure = assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> catchThrowableOfType(p::run, Pipeline.PipelineExecutionException.class));

      assertThat(failure).as("%d threads", threads).isNotNull();
      assertThat(failure.getMessage()).contains("FailOnce").contains("3:30000");
      assertThat(failure).rootCause().hasMessage("bad element 3:30000");
    }
  }

  private static List<String> runAndObserveOrder(String... args) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    List<String> input = new ArrayList<>();
    IntStream.range(0, 5_000).forEach(i -> input.add("e" + i));
    PCollection<String> histories = p.apply(Create.of(input))
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new OutputOrder.KeyByRemainder(50)))
        .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()))
        .apply(ParDo.of(new HistoryFn()));
    List<String> order = OutputOrder.runAndObserve(p, histories);
    assertThat(order).as("the output of one run").hasSize(50);
    return order;
  }

  @Test
  void parallelismDoesNotChangeStateOrTimerOutputs() {
    List<String> oneThread = runAndObserveOrder("--directParallelism=1", "--directBundleSize=7");

    assertThat(runAndObserveOrder("--directParallelism=4", "--directBundleSize=7"))
        .isEqualTo(oneThread);
    assertThat(runAndObserveOrder("--directParallelism=4", "--directBundleSize=7"))
        .isEqualTo(oneThread);
  }
}
