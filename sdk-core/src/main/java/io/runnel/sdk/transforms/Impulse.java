package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.ByteArrayCoder;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.WindowingStrategy;

/**
 * The root primitive: a collection with one empty byte array in the global window at the
 * minimum timestamp. Sources such as {@code Create} start from it.
 */
public final class Impulse extends PTransform<PBegin, PCollection<byte[]>> {
  private static final long serialVersionUID = 1L;

  private Impulse() {}

  public static Impulse create() {
    return new Impulse();
  }

  @Override
  public PCollection<byte[]> expand(PBegin input) {
    return PCollection.createPrimitiveOutputInternal(input.getPipeline(),
        WindowingStrategy.globalDefault(), PCollection.IsBounded.BOUNDED, ByteArrayCoder.of());
  }
}
