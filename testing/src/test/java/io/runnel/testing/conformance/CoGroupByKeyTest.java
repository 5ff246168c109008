package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.BigEndianIntegerCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.transforms.join.CoGbkResult;
import io.runnel.sdk.transforms.join.CoGroupByKey;
import io.runnel.sdk.transforms.join.KeyedPCollectionTuple;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.UsesFailureMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: CoGroupByKey. */
class CoGroupByKeyTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static final TupleTag<String> emailsTag = new TupleTag<>("emails");
  private static final TupleTag<Integer> phonesTag = new TupleTag<>("phones");

  @Test
  void groupsTheValuesOfEachKeyFromEveryInput() {
    PCollection<String> joined = join(
        Create.of(KV.of("amy", "amy@x"), KV.of("bob", "bob@x"), KV.of("amy", "amy@y")),
        Create.of(KV.of("amy", 111), KV.of("bob", 222)));
    PAssert.that(joined).containsInAnyOrder("amy [amy@x, amy@y] [111]", "bob [bob@x] [222]");
    p.run();
  }

  @Test
  void aKeyMissingFromAnInputHasNoValuesThere() {
    PCollection<String> joined = join(
        Create.of(KV.of("amy", "amy@x")),
        Create.of(KV.of("carl", 333)));
    PAssert.that(joined).containsInAnyOrder("amy [amy@x] []", "carl [] [333]");
    p.run();
  }

  @Test
  void getOnlyWithDefaultGivesTheDefaultForAMissingInput() {
    PCollection<KV<String, String>> emails = p.apply("Emails", Create.of(KV.of("amy", "amy@x")));
    PCollection<KV<String, Integer>> phones = p.apply("Phones", Create.of(KV.of("carl", 333)));
    PCollection<String> phoneOrNone = KeyedPCollectionTuple.of(emailsTag, emails).and(phonesTag, phones)
        .apply(CoGroupByKey.create())
        .apply(MapElements.into(TypeDescriptors.strings())
            .via(kv -> kv.getKey() + ":" + kv.getValue().getOnly(phonesTag, -1)));
    PAssert.that(phoneOrNone).containsInAnyOrder("amy:-1", "carl:333");
    p.run();
  }

  @Test
  @UsesFailureMessage
  void getOnlyOfSeveralValuesFailsNamingTheTag() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    PCollection<KV<String, String>> emails = pipeline.apply("Emails",
        Create.of(KV.of("amy", "amy@x"), KV.of("amy", "amy@y")));
    KeyedPCollectionTuple.of(emailsTag, emails)
        .apply(CoGroupByKey.create())
        .apply("ReadOnlyEmail", MapElements.into(TypeDescriptors.strings())
            .via(kv -> kv.getValue().getOnly(emailsTag)));
    assertThatThrownBy(pipeline::run)
        .isInstanceOf(Pipeline.PipelineExecutionException.class)
        .hasMessageContaining("ReadOnlyEmail")
        .hasMessageContaining("getOnly(emails)")
        .hasMessageContaining("2 values");
  }

  @Test
  void joinsThreeInputsWithStringTags() {
    PCollection<KV<Integer, String>> a = p.apply("A", Create.of(KV.of(1, "a1")));
    PCollection<KV<Integer, String>> b = p.apply("B", Create.of(KV.of(1, "b1"), KV.of(2, "b2")));
    PCollection<KV<Integer, String>> c = p.apply("C", Create.of(KV.of(2, "c2")));
    PCollection<String> joined = KeyedPCollectionTuple.of("a", a).and("b", b).and("c", c)
        .apply(CoGroupByKey.create())
        .apply(MapElements.into(TypeDescriptors.strings()).via(kv -> kv.getKey() + " "
            + list(kv.getValue().<String>getAll("a")) + list(kv.getValue().<String>getAll("b"))
            + list(kv.getValue().<String>getAll("c"))));
    PAssert.that(joined).containsInAnyOrder("1 [a1][b1][]", "2 [][b2][c2]");
    p.run();
  }

  @Test
  void differentKeyCodersAreRejectedNamingBothInputs() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    PCollection<KV<Integer, String>> varInts = pipeline.apply("VarInts",
        Create.of(KV.of(1, "a")).withCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())));
    PCollection<KV<Integer, String>> bigEndian = pipeline.apply("BigEndian",
        Create.of(KV.of(1, "b")).withCoder(KvCoder.of(BigEndianIntegerCoder.of(), StringUtf8Coder.of())));
    KeyedPCollectionTuple<Integer> inputs = KeyedPCollectionTuple.of("left", varInts).and("right", bigEndian);
    assertThatThrownBy(() -> inputs.apply(CoGroupByKey.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(varInts.toString())
        .hasMessageContaining(bigEndian.toString())
        .hasMessageContaining("same key coder");
  }

  @Test
  void anEmptyTupleIsRejected() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    assertThatThrownBy(() -> KeyedPCollectionTuple.<String>empty(pipeline).apply(CoGroupByKey.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one input");
  }

  private PCollection<String> join(
      Create.Values<KV<String, String>> emails, Create.Values<KV<String, Integer>> phones) {
    PCollection<KV<String, CoGbkResult>> joined = KeyedPCollectionTuple
        .of(emailsTag, p.apply("Emails", emails))
        .and(phonesTag, p.apply("Phones", phones))
        .apply(CoGroupByKey.create());
    return joined.apply(MapElements.into(TypeDescriptors.strings()).via(kv -> kv.getKey() + " "
        + sortedList(kv.getValue().getAll(emailsTag)) + " " + sortedList(kv.getValue().getAll(phonesTag))));
  }

  private static <T extends Comparable<? super T>> List<T> sortedList(Iterable<T> values) {
    List<T> list = list(values);
    list.sort(null);
    return list;
  }

  private static <T> List<T> list(Iterable<T> values) {
    List<T> list = new ArrayList<>();
    values.forEach(list::add);
    return list;
  }
}
