package io.runnel.sdk.portable;

import io.runnel.sdk.io.BoundedReadFromUnboundedSource;
import io.runnel.sdk.io.BoundedSource;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.io.Source;
import io.runnel.sdk.io.UnboundedSource;
import io.runnel.sdk.portable.StandardUrns.Functions;
import io.runnel.sdk.portable.StandardUrns.Transforms;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.sdk.portable.proto.ReadPayload;
import io.runnel.sdk.transforms.PTransform;
import java.time.Duration;

/**
 * The portable form of the three reads ({@code Read.Bounded}, {@code Read.Unbounded}, {@code
 * BoundedReadFromUnboundedSource}): {@code runnel:transform:read:v1} with a {@code ReadPayload}
 * holding the Java-serialized source and, for a bounded read of an unbounded source, its limits.
 * Stateless.
 */
final class ReadTranslation {
  private ReadTranslation() {}

  /** Whether {@code transform} is one of the reads. */
  static boolean isRead(PTransform<?, ?> transform) {
    return transform instanceof Read.Bounded<?> || transform instanceof Read.Unbounded<?>
        || transform instanceof BoundedReadFromUnboundedSource<?>;
  }

  /**
   * The spec of a read.
   *
   * @throws IllegalArgumentException naming {@code where} when the source cannot be serialized
   *     or the read time is not a whole number of milliseconds
   */
  static FunctionSpec toSpec(PTransform<?, ?> read, String where) {
    ReadPayload.Builder payload = ReadPayload.newBuilder();
    Source<?> source;
    if (read instanceof Read.Bounded<?> bounded) {
      source = bounded.getSource();
      payload.setIsBounded(true);
    } else if (read instanceof Read.Unbounded<?> unbounded) {
      source = unbounded.getSource();
      payload.setIsBounded(false);
    } else {
      BoundedReadFromUnboundedSource<?> limited = (BoundedReadFromUnboundedSource<?>) read;
      source = limited.getSource();
      payload.setIsBounded(true).setMaxNumRecords(limited.getMaxNumRecords());
      if (limited.getMaxReadTime() != null) {
        payload.setMaxReadTimeMillis(Millis.of(limited.getMaxReadTime(),
            "the maximum read time of " + where));
      }
    }
    payload.setSource(Specs.serialized(Functions.SOURCE, source, "source of " + where));
    return Specs.of(Transforms.READ, payload.build().toByteArray());
  }

  /**
   * The read a spec describes.
   *
   * @throws IllegalArgumentException naming {@code where} when the payload is unreadable or its
   *     source does not match its boundedness and limits
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static PTransform<?, ?> fromSpec(FunctionSpec spec, String where) {
    ReadPayload payload;
    try {
      payload = ReadPayload.parseFrom(spec.getPayload());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("Cannot read the ReadPayload of " + where, e);
    }
    Source<?> source = Specs.deserialize(payload.getSource(), Functions.SOURCE, Source.class,
        "source of " + where);
    boolean limited = payload.hasMaxNumRecords() || payload.hasMaxReadTimeMillis();
    if (source instanceof BoundedSource bounded) {
      if (!payload.getIsBounded() || limited) {
        throw inconsistent(where, source, payload);
      }
      return Read.from(bounded);
    }
    if (!(source instanceof UnboundedSource unbounded)) {
      throw new IllegalArgumentException(where + " reads a " + source.getClass().getName()
          + ", which is neither a BoundedSource nor an UnboundedSource");
    }
    if (!payload.getIsBounded()) {
      if (limited) {
        throw inconsistent(where, source, payload);
      }
      return Read.from(unbounded);
    }
    if (!payload.hasMaxNumRecords()) {
      throw inconsistent(where, source, payload);
    }
    BoundedReadFromUnboundedSource<?> read =
        Read.from(unbounded).withMaxNumRecords(payload.getMaxNumRecords());
    return payload.hasMaxReadTimeMillis()
        ? read.withMaxReadTime(Duration.ofMillis(payload.getMaxReadTimeMillis()))
        : read;
  }

  private static IllegalArgumentException inconsistent(String where, Source<?> source,
      ReadPayload payload) {
    return new IllegalArgumentException(where + " reads " + source.getClass().getName()
        + " with is_bounded=" + payload.getIsBounded()
        + (payload.hasMaxNumRecords() ? ", max_num_records=" + payload.getMaxNumRecords() : "")
        + (payload.hasMaxReadTimeMillis()
            ? ", max_read_time_millis=" + payload.getMaxReadTimeMillis() : "")
        + ": a bounded source is read bounded without limits, an unbounded one either unbounded"
        + " without limits or bounded with max_num_records set");
  }
}
