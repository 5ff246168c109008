package io.runnel.testing.conformance;

import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.PCollectionTuple;
import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TupleTagList;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: ParDo with additional outputs. */
class MultiOutputTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static final TupleTag<String> SHORT = new TupleTag<String>("short") {};
  private static final TupleTag<Integer> LENGTHS = new TupleTag<Integer>("lengths") {};
  private static final TupleTag<String> LONG = new TupleTag<String>("long") {};

  @Test
  void multiOutputReceiverWritesToEachTag() {
    PCollectionTuple out = p.apply(Create.of("a", "bbb", "cc"))
        .apply(ParDo.of(new RouteByLengthFn()).withOutputTags(SHORT, TupleTagList.of(LONG).and(LENGTHS)));
    PAssert.that(out.get(SHORT)).containsInAnyOrder("a", "cc");
    PAssert.that(out.get(LONG)).containsInAnyOrder("bbb");
    PAssert.that(out.get(LENGTHS)).containsInAnyOrder(1, 3, 2);
    p.run();
  }

  @Test
  void processContextOutputWritesToTheMainAndTaggedOutputs() {
    PCollectionTuple out = p.apply(Create.of("a", "bbb"))
        .apply(ParDo.of(new UpperCaseWithLengthFn()).withOutputTags(SHORT, TupleTagList.of(LENGTHS)));
    PAssert.that(out.get(SHORT)).containsInAnyOrder("A", "BBB");
    PAssert.that(out.get(LENGTHS)).containsInAnyOrder(1, 3);
    p.run();
  }

  @Test
  void anUnusedAdditionalOutputIsEmpty() {
    PCollectionTuple out = p.apply(Create.of("a"))
        .apply(ParDo.of(new IdentityFn()).withOutputTags(SHORT, TupleTagList.of(LONG)));
    PAssert.that(out.get(SHORT)).containsInAnyOrder("a");
    PAssert.that(out.get(LONG)).empty();
    p.run();
  }

  private static final class RouteByLengthFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String word, MultiOutputReceiver receiver) {
      receiver.get(word.length() < 3 ? SHORT : LONG).output(word);
      receiver.get(LENGTHS).output(word.length());
    }
  }

  private static final class UpperCaseWithLengthFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(c.element().toUpperCase());
      c.output(LENGTHS, c.element().length());
    }
  }

  private static final class IdentityFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String word, OutputReceiver<String> main) {
      main.output(word);
    }
  }
}
