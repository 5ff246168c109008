package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.InstantCoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import io.runnel.sdk.values.TimestampedValue;

/** Holds {@code Create}'s values encoded, and outputs them (with their timestamps) on impulse. */
final class EncodedValuesFn<T> extends DoFn<byte[], T> {
  private static final long serialVersionUID = 1L;
  private final Coder<T> coder;
  private final byte[] encoded;
  private final int count;
  private final boolean timestamped;

  EncodedValuesFn(Coder<T> coder, List<TimestampedValue<T>> values, boolean timestamped) {
    this.coder = coder;
    this.count = values.size();
    this.timestamped = timestamped;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (TimestampedValue<T> value : values) {
        coder.encode(value.getValue(), out);
        if (timestamped) {
          InstantCoder.of().encode(value.getTimestamp(), out);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Create: unable to encode a value with " + coder + ": " + e, e);
    }
    this.encoded = out.toByteArray();
  }

  @ProcessElement
  public void process(OutputReceiver<T> out) {
    ByteArrayInputStream in = new ByteArrayInputStream(encoded);
    try {
      for (int i = 0; i < count; i++) {
        T value = coder.decode(in);
        if (timestamped) {
          Instant timestamp = InstantCoder.of().decode(in);
          out.outputWithTimestamp(value, timestamp);
        } else {
          out.output(value);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Create: unable to decode its values with " + coder, e);
    }
  }
}
