package io.runnel.testing.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.GroupByKey;
import io.runnel.sdk.transforms.MapElements;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TypeDescriptors;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conformance: GroupByKey. */
class GroupByKeyTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void groupsAllValuesOfEachKey() {
    PCollection<String> groups = p
        .apply(Create.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3), KV.of("a", 5)))
        .apply(GroupByKey.create())
        .apply(MapElements.into(TypeDescriptors.strings()).via(kv -> kv.getKey() + "=" + sorted(kv.getValue())));
    PAssert.that(groups).containsInAnyOrder("a=[1, 3, 5]", "b=[2]");
    p.run();
  }

  /** A key type with identity equality: only its coder says which keys are the same. */
  static final class Point implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final int x;
    final int y;

    Point(int x, int y) {
      this.x = x;
      this.y = y;
    }
  }

  /** A deterministic coder of points that, as in Beam, leaves consistentWithEquals false. */
  static final class PointCoder extends AtomicCoder<Point> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(Point point, OutputStream out) throws IOException {
      VarIntCoder.of().encode(point.x, out);
      VarIntCoder.of().encode(point.y, out);
    }

    @Override
    public Point decode(InputStream in) throws IOException {
      return new Point(VarIntCoder.of().decode(in), VarIntCoder.of().decode(in));
    }
  }

  /** As in Beam, keys are the same when their encodings are, whatever their equals says. */
  @Test
  void keysAreGroupedByTheirEncodingNotTheirEquals() {
    PCollection<String> groups = p
        .apply(Create.of(KV.of(new Point(1, 2), 10), KV.of(new Point(1, 2), 20),
                KV.of(new Point(2, 1), 30))
            .withCoder(KvCoder.of(new PointCoder(), VarIntCoder.of())))
        .apply(GroupByKey.create())
        .apply(MapElements.into(TypeDescriptors.strings())
            .via(kv -> kv.getKey().x + "," + kv.getKey().y + "=" + sorted(kv.getValue())));
    PAssert.that(groups).containsInAnyOrder("1,2=[10, 20]", "2,1=[30]");
    p.run();
  }

  @Test
  void emptyInputGivesNoGroups() {
    PCollection<KV<String, Iterable<Integer>>> groups = p
        .apply(Create.empty(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply(GroupByKey.create());
    PAssert.that(groups).empty();
    p.run();
  }

  @Test
  void groupsManyKeys() {
    List<KV<Integer, Integer>> input = new ArrayList<>();
    List<KV<Integer, Long>> expected = new ArrayList<>();
    for (int key = 0; key < 2_000; key++) {
      for (int v = 0; v <= key % 4; v++) {
        input.add(KV.of(key, v));
      }
      expected.add(KV.of(key, (long) (key % 4 + 1)));
    }
    PCollection<KV<Integer, Long>> sizes = p.apply(Create.of(input))
        .apply(GroupByKey.create())
        .apply(MapElements.into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.longs()))
            .via(kv -> KV.of(kv.getKey(), StreamSupport.stream(kv.getValue().spliterator(), false).count())));
    PAssert.that(sizes).containsInAnyOrder(expected);
    p.run();
  }

  @Test
  void nonDeterministicKeyCoderIsRejectedNamingTheCollection() {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    PCollection<KV<Double, String>> input = pipeline
        .apply(Create.of(KV.of(1.5, "a")).withCoder(KvCoder.of(DoubleCoder.of(), StringUtf8Coder.of())));
    assertThatThrownBy(() -> input.apply(GroupByKey.create()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(input.toString())
        .hasMessageContaining("DoubleCoder")
        .hasMessageContaining("deterministic");
  }

  private static List<Integer> sorted(Iterable<Integer> values) {
    List<Integer> list = new ArrayList<>();
    values.forEach(list::add);
    list.sort(null);
    return list;
  }
}
