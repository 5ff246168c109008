package io.runnel.testing.conformance;

import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import io.runnel.sdk.state.BagState;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollection;
import io.runnel.testing.PAssert;
import io.runnel.testing.TestPipeline;
import io.runnel.testing.UsesStatefulParDo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conformance: state declared without a coder ({@code StateSpecs.bag()}, {@code value()}) takes
 * it from the input's coder when the state holds the input's element type or a part of it (a
 * type variable of a generic stateful DoFn, or a class only the input's coder knows), as a Beam
 * user's reusable stateful DoFns expect.
 */
@UsesStatefulParDo
class StateCoderInferenceTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** Buffers each key's values in a bag of the input's value type V; emits the bag each time. */
  static final class BufferFn<K, V> extends DoFn<KV<K, V>, List<V>> {
    @StateId("buffer")
    private final StateSpec<BagState<V>> buffer = StateSpecs.bag();

    @ProcessElement
    public void process(@Element KV<K, V> element, @StateId("buffer") BagState<V> buffer,
        OutputReceiver<List<V>> out) {
      buffer.add(element.getValue());
      List<V> all = new ArrayList<>();
      buffer.read().forEach(all::add);
      out.output(all);
    }
  }

  /** A class no registry knows (not Serializable, no @DefaultCoder). */
  static final class Reading {
    final int value;

    Reading(int value) {
      this.value = value;
    }
  }

  /** The input's own coder of {@link Reading}. */
  static final class ReadingCoder extends AtomicCoder<Reading> {
    @Override
    public void encode(Reading reading, OutputStream out) throws IOException {
      VarIntCoder.of().encode(reading.value, out);
    }

    @Override
    public Reading decode(InputStream in) throws IOException {
      return new Reading(VarIntCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }

  /** Keeps each key's largest reading in a value state of the input's value class. */
  static final class MaxReadingFn extends DoFn<KV<String, Reading>, Integer> {
    @StateId("max")
    private final StateSpec<ValueState<Reading>> max = StateSpecs.value();

    @ProcessElement
    public void process(@Element KV<String, Reading> element,
        @StateId("max") ValueState<Reading> max, OutputReceiver<Integer> out) {
      Reading seen = max.read();
      if (seen == null || element.getValue().value > seen.value) {
        max.write(element.getValue());
      }
      out.output(max.read().value);
    }
  }

  @Test
  void aGenericStatefulDoFnsBagTakesTheInputsValueCoder() {
    PCollection<List<Integer>> buffers = p
        .apply(Create.of(KV.of("a", 1)))
        .apply(ParDo.of(new BufferFn<String, Integer>()));
    PAssert.that(buffers).containsInAnyOrder(List.of(1));
    p.run();
  }

  @Test
  void aValueStateOfAClassOnlyTheInputsCoderKnowsUsesThatCoder() {
    PCollection<Integer> maxima = p
        .apply(Create.of(KV.of("a", new Reading(3)))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), new ReadingCoder())))
        .apply(ParDo.of(new MaxReadingFn()));
    PAssert.that(maxima).containsInAnyOrder(3);
    p.run();
  }
}
