package io.runnel.sdk.portable;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.sdk.portable.StandardUrns.Transforms;
import io.runnel.sdk.portable.proto.FunctionSpec;
import io.runnel.sdk.portable.proto.TestStreamPayload;
import io.runnel.sdk.runners.ScriptedStream;
import io.runnel.sdk.transforms.PTransform;
import io.runnel.sdk.values.PBegin;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.windowing.WindowingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The portable form of a scripted stream ({@code TestStream}): {@code runnel:transform:test_stream:v1}
 * with a {@code TestStreamPayload} holding the elements encoded with the stream's coder and every
 * time at full precision (milliseconds plus the nanoseconds within them), and the transform
 * rebuilt from it. Stateless.
 */
final class ScriptedStreamTranslation {
  private ScriptedStreamTranslation() {}

  static <T> FunctionSpec toSpec(ScriptedStream<T> script, SdkComponents components,
      String where) {
    Coder<T> coder = script.getValueCoder();
    TestStreamPayload.Builder payload = TestStreamPayload.newBuilder()
        .setCoderId(components.registerCoder(coder));
    for (ScriptedStream.Event<T> event : script.getEvents()) {
      TestStreamPayload.Event.Builder out = TestStreamPayload.Event.newBuilder();
      if (event instanceof ScriptedStream.ElementEvent<T> elements) {
        TestStreamPayload.AddElements.Builder add = TestStreamPayload.AddElements.newBuilder();
        for (TimestampedValue<T> element : elements.elements()) {
          add.addElements(TestStreamPayload.TimestampedElement.newBuilder()
              .setEncodedElement(com.google.protobuf.ByteString.copyFrom(
                  encode(coder, element.getValue(), where)))
              .setTimestampMillis(epochMillis(element.getTimestamp()))
              .setTimestampNanos(element.getTimestamp().getNano() % 1_000_000));
        }
        out.setAddElements(add);
      } else if (event instanceof ScriptedStream.WatermarkEvent<T> mark) {
        out.setAdvanceWatermark(TestStreamPayload.AdvanceWatermark.newBuilder()
            .setNewWatermarkMillis(epochMillis(mark.watermark()))
            .setNewWatermarkNanos(mark.watermark().getNano() % 1_000_000));
      } else {
        Duration advance = ((ScriptedStream.ProcessingTimeEvent<T>) event).advance();
        out.setAdvanceProcessingTime(TestStreamPayload.AdvanceProcessingTime.newBuilder()
            .setAdvanceMillis(advance.toMillis())
            .setAdvanceNanos(advance.toNanosPart() % 1_000_000));
      }
      payload.addEvents(out);
    }
    return FunctionSpec.newBuilder().setUrn(Transforms.TEST_STREAM)
        .setPayload(payload.build().toByteString()).build();
  }

  /** The instant's whole milliseconds since the epoch, rounded down; nanoseconds go apart. */
  private static long epochMillis(Instant instant) {
    return instant.getEpochSecond() * 1000 + instant.getNano() / 1_000_000;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static PTransform<?, ?> fromSpec(FunctionSpec spec, Function<String, Coder<?>> coders,
      String where) {
    TestStreamPayload payload;
    try {
      payload = TestStreamPayload.parseFrom(spec.getPayload());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("Cannot read the TestStreamPayload of " + where, e);
    }
    Coder<Object> coder = (Coder<Object>) coders.apply(payload.getCoderId());
    List<ScriptedStream.Event<Object>> events = new ArrayList<>();
    for (TestStreamPayload.Event event : payload.getEventsList()) {
      switch (event.getEventCase()) {
        case ADD_ELEMENTS -> {
          List<TimestampedValue<Object>> elements = new ArrayList<>();
          for (TestStreamPayload.TimestampedElement element
              : event.getAddElements().getElementsList()) {
            elements.add(TimestampedValue.of(
                decode(coder, element.getEncodedElement().toByteArray(), where),
                Instant.ofEpochMilli(element.getTimestampMillis())
                    .plusNanos(element.getTimestampNanos())));
          }
          events.add(new ScriptedStream.ElementEvent<>(elements));
        }
        case ADVANCE_WATERMARK -> events.add(new ScriptedStream.WatermarkEvent<>(
            Instant.ofEpochMilli(event.getAdvanceWatermark().getNewWatermarkMillis())
                .plusNanos(event.getAdvanceWatermark().getNewWatermarkNanos())));
        case ADVANCE_PROCESSING_TIME -> events.add(new ScriptedStream.ProcessingTimeEvent<>(
            Duration.ofMillis(event.getAdvanceProcessingTime().getAdvanceMillis())
                .plusNanos(event.getAdvanceProcessingTime().getAdvanceNanos())));
        default -> throw new IllegalArgumentException("An event of " + where + " is empty");
      }
    }
    return new Rehydrated(coder, events);
  }

  private static <T> byte[] encode(Coder<T> coder, T value, String where) {
    try {
      return CoderUtils.encodeToByteArray(coder, value);
    } catch (CoderException e) {
      throw new IllegalArgumentException("Cannot encode element '" + value + "' of " + where
          + " with " + coder + ": " + e, e);
    }
  }

  private static <T> T decode(Coder<T> coder, byte[] bytes, String where) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalArgumentException("Cannot decode an element of " + where + " with "
          + coder + ": " + e, e);
    }
  }

  /** A scripted stream rebuilt from its portable form. */
  static final class Rehydrated<T> extends PTransform<PBegin, PCollection<T>>
      implements ScriptedStream<T> {
    private static final long serialVersionUID = 1L;
    private final Coder<T> coder;
    private final transient List<Event<T>> events;

    Rehydrated(Coder<T> coder, List<Event<T>> events) {
      this.coder = coder;
      this.events = List.copyOf(events);
    }

    @Override
    public List<Event<T>> getEvents() {
      return events;
    }

    @Override
    public Coder<T> getValueCoder() {
      return coder;
    }

    @Override
    public PCollection<T> expand(PBegin input) {
      return PCollection.createPrimitiveOutputInternal(input.getPipeline(),
          WindowingStrategy.globalDefault(), PCollection.IsBounded.UNBOUNDED, coder);
    }
  }
}
