package io.runnel.sdk.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.portable.proto.ParDoPayload;
import io.runnel.sdk.runners.PipelineVisitor;
import io.runnel.sdk.runners.TransformNode;
import io.runnel.sdk.transforms.Combine;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.Filter;
import io.runnel.sdk.transforms.Flatten;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.Reshuffle;
import io.runnel.sdk.transforms.View;
import io.runnel.sdk.transforms.Window;
import io.runnel.sdk.transforms.WithKeys;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionList;
import io.runnel.sdk.values.PCollectionTuple;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TupleTagList;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.windowing.AfterPane;
import io.runnel.windowing.AfterProcessingTime;
import io.runnel.windowing.AfterWatermark;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.Repeatedly;
import io.runnel.windowing.Sessions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PipelineTranslationTest {
  private static final TupleTag<String> MAIN = new TupleTag<>("main") {};
  private static final TupleTag<Integer> LENGTHS = new TupleTag<>("lengths") {};

  @Test
  void impulseSourceRoundTripsWithItsCompositeNesting() {
    Pipeline p = Pipeline.create();
    TestSources.of(p, "Words", StringUtf8Coder.of(), "a", "bb", "ccc");

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);

    assertThat(proto.getRootTransformIdsList()).containsExactly("Words");
    assertThat(proto.getComponents().getTransformsOrThrow("Words/Impulse").getSpec().getUrn())
        .isEqualTo(StandardUrns.Transforms.IMPULSE);
  }

  @Test
  void multiOutputParDoWithSideInputsRoundTripsWithTagsAndViews() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = TestSources.of(p, "Words", StringUtf8Coder.of(), "a", "bb");
    PCollectionView<List<String>> stop = TestSources.of(p, "Stop", StringUtf8Coder.of(), "bb").apply(View.asList());
    PCollectionView<Map<String, Integer>> weights = TestSources.of(p, "Weights",
        KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()), KV.of("a", 1))
        .apply(View.asMap());
    PCollectionTuple outputs = words.apply("Split", ParDo.of(new SplitFn(stop))
        .withOutputTags(MAIN, TupleTagList.of(LENGTHS))
        .withSideInputs(stop)
        .withSideInput("weights", weights));
    outputs.get(MAIN).setCoder(StringUtf8Coder.of());
    outputs.get(LENGTHS).setCoder(VarIntCoder.of());

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);

    io.runnel.sdk.portable.proto.PTransform split =
        proto.getComponents().getTransformsOrThrow("Split");
    assertThat(split.getOutputsMap()).containsOnlyKeys("main", "lengths");
    assertThat(split.getSideInputsMap()).hasSize(2);
    assertThat(payload(split).getSideInputsMap()).containsKey("weights");
  }

  @Test
  void rebuiltParDoFindsTheViewItsDoFnCaptured() {
    Pipeline p = Pipeline.create();
    PCollectionView<List<String>> stop = TestSources.of(p, "Stop", StringUtf8Coder.of(), "bb").apply(View.asList());
    TestSources.of(p, "Words", StringUtf8Coder.of(), "a").apply("Split", ParDo.of(new SplitFn(stop))
        .withOutputTags(MAIN, TupleTagList.of(LENGTHS)).withSideInputs(stop));

    Pipeline rebuilt = PipelineTranslation.fromProto(PipelineTranslation.toProto(p),
        PipelineOptionsFactory.create());

    ParDo.MultiOutput<?, ?> parDo = (ParDo.MultiOutput<?, ?>) node(rebuilt, "Split").getTransform();
    PCollectionView<?> captured = ((SplitFn) parDo.getFn()).stop;
    assertThat(parDo.getSideInputs()).containsValue(captured);
    assertThat(parDo.getSideInputs().values().iterator().next().getPCollection()).isNotNull();
  }

  @Test
  void groupByKeyAndFlattenRoundTrip() {
    Pipeline p = Pipeline.create();
    PCollection<KV<String, Long>> first = TestSources.of(p, "First",
        KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()), KV.of("a", 1L));
    PCollection<KV<String, Long>> second = TestSources.of(p, "Second",
        KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()), KV.of("b", 2L));
    PCollectionList.of(first).and(second).apply(Flatten.pCollections()).apply(GroupByKey.create());

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);

    assertThat(proto.getComponents().getTransformsMap().values())
        .filteredOn(t -> t.getSpec().getUrn().equals(StandardUrns.Transforms.FLATTEN))
        .singleElement()
        .satisfies(flatten -> assertThat(flatten.getInputsMap()).containsOnlyKeys("0", "1"));
  }

  @Test
  void combinePerKeyRoundTripsWithItsLiftablePayload() {
    Pipeline p = Pipeline.create();
    TestSources.of(p, "Input", KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()), KV.of("a", 1L))
        .apply("Sum", Combine.<String, Long, Long>perKey(new SumFn()));

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);
    Pipeline rebuilt = PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create());

    assertThat(proto.getComponents().getTransformsOrThrow("Sum").getSpec().getUrn())
        .isEqualTo(StandardUrns.Transforms.COMBINE_PER_KEY);
    assertThat(node(rebuilt, "Sum").getTransform()).isInstanceOf(Combine.PerKey.class);
  }

  @Test
  void combineGloballyRoundTrips() {
    Pipeline p = Pipeline.create();
    // Combine.globally keys by Void; the stub CoderRegistry of this branch has no Void coder.
    assumeTrue(hasCoderFor(p, Void.class), "the coder registry cannot provide a Void coder yet");
    TestSources.of(p, "Input", VarLongCoder.of(), 1L, 2L).apply("Total", Combine.globally(new SumFn()));

    assertRoundTrips(p);
  }

  @Test
  void elementWiseTransformsRoundTrip() {
    Pipeline p = Pipeline.create();
    TestSources.of(p, "Input", StringUtf8Coder.of(), "a", "bb")
        .apply(MapElements.into(TypeDescriptors.strings()).via((String s) -> s + "!"))
        .apply(Filter.by((String s) -> s.length() > 1))
        .apply(WithKeys.<String, String>of((String s) -> s.substring(0, 1))
            .withKeyType(TypeDescriptors.strings()));

    assertRoundTrips(p);
  }

  @Test
  void reshuffleRoundTripsAsReshuffle() {
    Pipeline p = Pipeline.create();
    TestSources.of(p, "Input", KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()), KV.of("a", 1L))
        .apply("Shuffle", Reshuffle.of());
    TestSources.of(p, "Words", StringUtf8Coder.of(), "x").apply("Spread", Reshuffle.viaRandomKey());

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);
    Pipeline rebuilt = PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create());

    assertThat(node(rebuilt, "Shuffle").getTransform()).isInstanceOf(Reshuffle.class);
    assertThat(node(rebuilt, "Spread").getTransform()).isInstanceOf(RehydratedComposite.class);
  }

  @Test
  void windowedAndTriggeredGroupByKeyRoundTripsWithStructuredWindowingStrategies() {
    Pipeline p = Pipeline.create();
    PCollection<KV<String, Long>> input = TestSources.of(p, "Input",
        KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()), KV.of("a", 1L));
    input.apply("Fixed", Window.<KV<String, Long>>into(FixedWindows.of(Duration.ofMinutes(1)))
            .triggering(AfterWatermark.pastEndOfWindow()
                .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane()
                    .plusDelayOf(Duration.ofSeconds(10)))
                .withLateFirings(AfterPane.elementCountAtLeast(1)))
            .withAllowedLateness(Duration.ofMinutes(5), Window.ClosingBehavior.FIRE_ALWAYS)
            .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
            .accumulatingFiredPanes())
        .apply("GroupFixed", GroupByKey.create());
    input.apply("Sessions", Window.<KV<String, Long>>into(Sessions.withGapDuration(Duration.ofMinutes(2)))
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(3))
                .orFinally(AfterWatermark.pastEndOfWindow()))
            .withAllowedLateness(Duration.ZERO)
            .discardingFiredPanes())
        .apply("GroupSessions", GroupByKey.create());

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);

    assertThat(proto.getComponents().getWindowingStrategiesMap().values())
        .allSatisfy(strategy -> {
          assertThat(strategy.getWindowFn().getUrn()).isNotEqualTo(StandardUrns.WindowFns.JAVA_SERIALIZED);
          assertThat(strategy.getTrigger().toString()).doesNotContain("java_serialized");
        })
        .extracting(strategy -> strategy.getWindowFn().getUrn())
        .contains(StandardUrns.WindowFns.FIXED, StandardUrns.WindowFns.SESSIONS);
  }

  @Test
  void translationIsDeterministicAcrossIdenticalPipelines() {
    assertThat(PipelineTranslation.toProto(wordLengths()))
        .isEqualTo(PipelineTranslation.toProto(wordLengths()));
  }

  private static boolean hasCoderFor(Pipeline p, Class<?> type) {
    try {
      p.getCoderRegistry().getCoder(type);
      return true;
    } catch (io.runnel.sdk.coders.CannotProvideCoderException e) {
      return false;
    }
  }

  private static Pipeline wordLengths() {
    Pipeline p = Pipeline.create();
    TestSources.of(p, "Words", StringUtf8Coder.of(), "a", "bb")
        .apply("Lengths", MapElements.into(TypeDescriptors.integers()).via(String::length));
    return p;
  }

  /**
   * Translates {@code p}, rebuilds it, translates the rebuilt pipeline, and checks the protos and
   * the graphs (names, primitives, collections' coders, windowing and boundedness) are identical.
   */
  static io.runnel.sdk.portable.proto.Pipeline assertRoundTrips(Pipeline p) {
    io.runnel.sdk.portable.proto.Pipeline proto = PipelineTranslation.toProto(p);
    Pipeline rebuilt = PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create());

    assertThat(PipelineTranslation.toProto(rebuilt)).isEqualTo(proto);
    assertThat(GraphSummary.of(rebuilt)).isEqualTo(GraphSummary.of(p));
    return proto;
  }

  static TransformNode node(Pipeline pipeline, String fullName) {
    TransformNode[] found = new TransformNode[1];
    pipeline.traverseTopologically(new PipelineVisitor() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformNode node) {
        visit(node);
        return CompositeBehavior.ENTER_TRANSFORM;
      }

      @Override
      public void visitPrimitiveTransform(TransformNode node) {
        visit(node);
      }

      private void visit(TransformNode node) {
        if (node.getFullName().equals(fullName)) {
          found[0] = node;
        }
      }
    });
    assertThat(found[0]).as("node " + fullName).isNotNull();
    return found[0];
  }

  private static ParDoPayload payload(io.runnel.sdk.portable.proto.PTransform transform) {
    try {
      return ParDoPayload.parseFrom(transform.getSpec().getPayload());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  /** What must survive a round trip, in a comparable form. */
  record GraphSummary(Map<String, String> transforms, Map<String, String> collections) {
    static GraphSummary of(Pipeline pipeline) {
      Map<String, String> transforms = new TreeMap<>();
      Map<String, String> collections = new TreeMap<>();
      pipeline.traverseTopologically(new PipelineVisitor() {
        @Override
        public CompositeBehavior enterCompositeTransform(TransformNode node) {
          if (!node.isRootNode()) {
            transforms.put(node.getFullName(), "composite of " + node.getParts().size());
          }
          return CompositeBehavior.ENTER_TRANSFORM;
        }

        @Override
        public void visitPrimitiveTransform(TransformNode node) {
          transforms.put(node.getFullName(), node.getTransform().getClass().getName()
              + " reading " + node.getAdditionalInputs().size() + " side inputs");
        }

        @Override
        public void visitValue(PValue value, TransformNode producer) {
          if (value instanceof PCollection<?> pc) {
            collections.put(pc.getName(), pc.getCoder() + " " + pc.getWindowingStrategy() + " "
                + pc.isBounded() + " from " + producer.getFullName());
          }
        }
      });
      return new GraphSummary(transforms, collections);
    }
  }

  static final class SplitFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    final PCollectionView<List<String>> stop;

    SplitFn(PCollectionView<List<String>> stop) {
      this.stop = stop;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (!c.sideInput(stop).contains(c.element())) {
        c.output(c.element());
        c.output(LENGTHS, c.element().length());
      }
    }
  }

  static final class SumFn extends Combine.BinaryCombineFn<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long apply(Long left, Long right) {
      return left + right;
    }

    @Override
    public Long identity() {
      return 0L;
    }
  }
}
