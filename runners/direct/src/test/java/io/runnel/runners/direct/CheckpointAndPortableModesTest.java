package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code --checkpointEveryBundle} throws the engine away after every bundle and goes on with one
 * restored from a snapshot (new DoFn instances included), and {@code --directPortable} passes
 * every element crossing a stage boundary through bytes.
 */
class CheckpointAndPortableModesTest {
  private static final Map<String, List<Integer>> SEEN = new ConcurrentHashMap<>();

  /** Counts elements in a field, not in state: an instance's count says how much it saw. */
  static final class FieldCountingFn extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final String run;
    private transient int count;

    FieldCountingFn(String run) {
      this.run = run;
    }

    @ProcessElement
    public void process(@Element Integer e, OutputReceiver<Integer> out) {
      count++;
      SEEN.computeIfAbsent(run, r -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(count);
      out.output(e);
    }
  }

  private static int mostSeenByOneInstance(String... args) {
    String run = UUID.randomUUID().toString();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    PCollection<Integer> out = p.apply(Create.of(IntStream.range(0, 200).boxed().toList()))
        .apply(Reshuffle.viaRandomKey())
        .apply(ParDo.of(new FieldCountingFn(run)));
    PAssert.that(out).containsInAnyOrder(IntStream.range(0, 200).boxed().toList());
    p.run();
    return SEEN.remove(run).stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  @Test
  void aDoFnKeepingCountsInItsFieldsLosesThemWhenTheEngineIsRestoredAfterEveryBundle() {
    assertThat(mostSeenByOneInstance("--directParallelism=1"))
        .as("one instance sees every bundle").isEqualTo(200);
    assertThat(mostSeenByOneInstance("--directParallelism=1", "--checkpointEveryBundle"))
        .as("each bundle meets a new instance").isLessThan(200).isPositive();
  }

  /** Counts per key in a state cell, which survives every restore. */
  static final class StateCountingFn extends DoFn<KV<String, Integer>, KV<String, Integer>> {
    private static final long serialVersionUID = 1L;

    @StateId("count")
    private final StateSpec<ValueState<Integer>> count = StateSpecs.value(VarIntCoder.of());

    @ProcessElement
    public void process(@Element KV<String, Integer> e, @StateId("count") ValueState<Integer> n,
        OutputReceiver<KV<String, Integer>> out) {
      int next = n.read() == null ? 1 : n.read() + 1;
      n.write(next);
      out.output(KV.of(e.getKey(), next));
    }
  }

  @Test
  void stateInCellsSurvivesARestoreAfterEveryBundle() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--checkpointEveryBundle",
        "--directBundleSize=3").create());
    PCollection<KV<String, Integer>> counts = p
        .apply(Create.of(IntStream.range(0, 60).boxed().toList()))
        .apply(Reshuffle.viaRandomKey())
        .apply(MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
            TypeDescriptors.integers())).via(i -> KV.of(i % 2 == 0 ? "even" : "odd", i)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
        .apply(ParDo.of(new StateCountingFn()));
    List<KV<String, Integer>> expected = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      expected.add(KV.of("even", i));
      expected.add(KV.of("odd", i));
    }
    PAssert.that(counts).containsInAnyOrder(expected);
    p.run();
  }

  /** A coder that forgets the case of the strings it encodes. */
  static final class LowerCaseCoder extends AtomicCoder<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(String value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value.toLowerCase(java.util.Locale.ROOT), out);
    }

    @Override
    public String decode(InputStream in) throws IOException {
      return StringUtf8Coder.of().decode(in);
    }

    @Override
    public void verifyDeterministic() {}
  }

  private static List<String> groupedValues(String... args) {
    String run = UUID.randomUUID().toString();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    p.apply(Create.of(KV.of(1, "Alpha"), KV.of(1, "Beta"))
            .withCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())))
        .apply(ParDo.of(new DoFn<KV<Integer, String>, KV<Integer, String>>() {
          @ProcessElement
          public void process(@Element KV<Integer, String> e,
              OutputReceiver<KV<Integer, String>> out) {
            out.output(e);
          }
        }))
        .setCoder(KvCoder.of(VarIntCoder.of(), new LowerCaseCoder()))
        .apply(GroupByKey.create())
        .apply(ParDo.of(new DoFn<KV<Integer, Iterable<String>>, Void>() {
          @ProcessElement
          public void process(@Element KV<Integer, Iterable<String>> group) {
            List<String> values = new ArrayList<>();
            group.getValue().forEach(values::add);
            RESULTS.put(run, values);
          }
        }));
    p.run();
    List<String> values = new ArrayList<>(RESULTS.remove(run));
    java.util.Collections.sort(values);
    return values;
  }

  private static final Map<String, List<String>> RESULTS = new ConcurrentHashMap<>();

  @Test
  void inPortableModeElementsCrossStagesAsBytesThroughTheirCoders() {
    assertThat(groupedValues("--enforceEncodability=false", "--enforceImmutability=false"))
        .as("in memory, objects pass as they are").containsExactly("Alpha", "Beta");
    assertThat(groupedValues("--enforceEncodability=false", "--enforceImmutability=false",
        "--directPortable")).as("as bytes, what the coder keeps").containsExactly("alpha",
        "beta");
  }
}
