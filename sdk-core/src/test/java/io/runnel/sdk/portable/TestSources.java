package io.runnel.sdk.portable;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.Impulse;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded source for structure tests: a named composite of Impulse and a ParDo emitting
 * encoded values, like {@code Create}. Root transforms are applied by name only, because the
 * unnamed {@code PBegin.apply} of this branch recurses (fixed on the main line).
 */
final class TestSources {
  private TestSources() {}

  @SafeVarargs
  static <T> PCollection<T> of(Pipeline p, String name, Coder<T> coder, T... values) {
    List<byte[]> encoded = new ArrayList<>();
    for (T value : values) {
      try {
        encoded.add(CoderUtils.encodeToByteArray(coder, value));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return p.apply(name, PTransform.<PBegin, PCollection<T>>compose("Source", begin ->
        begin.apply("Impulse", Impulse.create())
            .apply("Emit", ParDo.of(new EmitFn<>(coder, encoded)))
            .setCoder(coder)));
  }

  static final class EmitFn<T> extends DoFn<byte[], T> {
    private static final long serialVersionUID = 1L;
    private final Coder<T> coder;
    private final List<byte[]> encoded;

    EmitFn(Coder<T> coder, List<byte[]> encoded) {
      this.coder = coder;
      this.encoded = encoded;
    }

    @ProcessElement
    public void process(OutputReceiver<T> out) throws Exception {
      for (byte[] bytes : encoded) {
        out.output(CoderUtils.decodeFromByteArray(coder, bytes));
      }
    }
  }
}
