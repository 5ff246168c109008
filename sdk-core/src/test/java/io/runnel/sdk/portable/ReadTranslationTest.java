package io.runnel.sdk.portable;

import static io.runnel.sdk.portable.PipelineTranslationTest.assertRoundTrips;
import static io.runnel.sdk.portable.PipelineTranslationTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.io.BoundedReadFromUnboundedSource;
import io.runnel.sdk.io.BoundedSource;
import io.runnel.sdk.io.CountingSource;
import io.runnel.sdk.io.GenerateSequence;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.io.TextIO;
import io.runnel.sdk.io.fs.EmptyMatchTreatment;
import io.runnel.sdk.io.internal.TextSource;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.portable.StandardUrns.Functions;
import io.runnel.sdk.portable.StandardUrns.Transforms;
import io.runnel.sdk.portable.proto.ParDoPayload;
import io.runnel.sdk.portable.proto.ReadPayload;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import io.runnel.sdk.transforms.PeriodicImpulse;
import io.runnel.sdk.values.TimestampedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three reads in the portable form (also those behind Create and TextIO.read()), and the
 * ParDo flags sources rely on.
 */
class ReadTranslationTest {
  @Test
  void boundedReadRoundTripsWithItsSource() throws Exception {
    Pipeline p = Pipeline.create();
    p.apply("Numbers", Read.from(CountingSource.upTo(10)));

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);
    Pipeline rebuilt = PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create());

    ReadPayload payload = readPayload(proto, "Numbers");
    assertThat(payload.getIsBounded()).isTrue();
    assertThat(payload.hasMaxNumRecords()).isFalse();
    assertThat(payload.hasMaxReadTimeMillis()).isFalse();
    assertThat(payload.getSource().getUrn()).isEqualTo(Functions.SOURCE);
    assertThat(((Read.Bounded<?>) node(rebuilt, "Numbers").getTransform()).getSource())
        .isEqualTo(CountingSource.upTo(10));
  }

  @Test
  void unboundedReadRoundTrips() throws Exception {
    Pipeline p = Pipeline.create();
    p.apply("Ticks", Read.from(CountingSource.unbounded()));

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);
    Pipeline rebuilt = PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create());

    assertThat(readPayload(proto, "Ticks").getIsBounded()).isFalse();
    assertThat(node(rebuilt, "Ticks").getTransform()).isInstanceOf(Read.Unbounded.class);
  }

  @Test
  void boundedReadFromUnboundedSourceRoundTripsWithItsLimits() throws Exception {
    Pipeline p = Pipeline.create();
    p.apply("Some", Read.from(CountingSource.unbounded()).withMaxNumRecords(5)
        .withMaxReadTime(Duration.ofMillis(2_500)));

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);
    Pipeline rebuilt = PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create());

    ReadPayload payload = readPayload(proto, "Some");
    assertThat(payload.getIsBounded()).isTrue();
    assertThat(payload.getMaxNumRecords()).isEqualTo(5);
    assertThat(payload.getMaxReadTimeMillis()).isEqualTo(2_500);
    BoundedReadFromUnboundedSource<?> read =
        (BoundedReadFromUnboundedSource<?>) node(rebuilt, "Some").getTransform();
    assertThat(read.getMaxNumRecords()).isEqualTo(5);
    assertThat(read.getMaxReadTime()).isEqualTo(Duration.ofMillis(2_500));
  }

  @Test
  void readTimeAloneRoundTripsWithAnUnlimitedRecordCount() throws Exception {
    Pipeline p = Pipeline.create();
    p.apply("Timed", Read.from(CountingSource.unbounded()).withMaxReadTime(Duration.ofSeconds(1)));

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);
    Pipeline rebuilt = PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create());

    BoundedReadFromUnboundedSource<?> read =
        (BoundedReadFromUnboundedSource<?>) node(rebuilt, "Timed").getTransform();
    assertThat(read.getMaxNumRecords()).isEqualTo(Long.MAX_VALUE);
    assertThat(read.getMaxReadTime()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void subMillisecondReadTimeCannotBeTranslatedAndTheErrorNamesTheTransform() {
    Pipeline p = Pipeline.create();
    p.apply("Fine", Read.from(CountingSource.unbounded()).withMaxReadTime(Duration.ofNanos(10)));

    assertThatThrownBy(() -> PipelineTranslation.toProto(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Fine'")
        .hasMessageContaining("milliseconds");
  }

  @Test
  void generateSequenceAndPeriodicImpulseRoundTrip() {
    Pipeline p = Pipeline.create();
    p.apply("Bounded", GenerateSequence.from(0).to(100));
    p.apply("Timed", GenerateSequence.from(0).to(100).withRate(10, Duration.ofSeconds(1))
        .withTimestampFn(Instant::ofEpochMilli));
    p.apply("Ticks", PeriodicImpulse.create().startAt(Instant.EPOCH)
        .withInterval(Duration.ofSeconds(5)).applyWindowing());

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);

    assertThat(proto.getComponents().getTransformsMap().values())
        .filteredOn(t -> t.getSpec().getUrn().equals(Transforms.READ))
        .hasSize(3);
  }

  @Test
  void createRoundTripsAsABoundedReadWhoseRebuiltSourceReadsTheSameValues() throws Exception {
    Pipeline p = Pipeline.create();
    p.apply("Words", Create.timestamped(TimestampedValue.of("a", Instant.ofEpochSecond(1, 5)),
        TimestampedValue.of("b", Instant.EPOCH)));

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);
    Pipeline rebuilt = PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create());

    assertThat(readPayload(proto, "Words/Read(CreateSource)").getIsBounded()).isTrue();
    BoundedSource<?> source =
        ((Read.Bounded<?>) node(rebuilt, "Words/Read(CreateSource)").getTransform()).getSource();
    List<String> read = new ArrayList<>();
    try (BoundedSource.BoundedReader<?> reader = source.createReader(PipelineOptionsFactory.create())) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        read.add(reader.getCurrent() + "@" + reader.getCurrentTimestamp());
      }
    }
    assertThat(read).containsExactly("a@1970-01-01T00:00:01.000000005Z", "b@1970-01-01T00:00:00Z");
  }

  @Test
  void textIoReadRoundTripsAsABoundedReadOfItsPatternWithoutTouchingFiles() throws Exception {
    Pipeline p = Pipeline.create();
    p.apply("Lines", TextIO.read().from("/definitely/not/there/*.txt")
        .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW_IF_WILDCARD));

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);
    Pipeline rebuilt = PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create());

    assertThat(readPayload(proto, "Lines/Read(TextSource)").getIsBounded()).isTrue();
    assertThat(((Read.Bounded<?>) node(rebuilt, "Lines/Read(TextSource)").getTransform()).getSource())
        .isEqualTo(new TextSource("/definitely/not/there/*.txt", EmptyMatchTreatment.ALLOW_IF_WILDCARD));
  }

  @Test
  void parDoPayloadSaysWhetherTheDoFnNeedsStableInputAndFinalization() throws Exception {
    Pipeline p = Pipeline.create();
    p.apply("Numbers", GenerateSequence.from(0).to(3))
        .apply("Ack", ParDo.of(new AckFn()))
        .apply("Plain", ParDo.of(new PlainFn()));

    io.runnel.sdk.portable.proto.Pipeline proto = assertRoundTrips(p);

    ParDoPayload ack = parDoPayload(proto, "Ack");
    ParDoPayload plain = parDoPayload(proto, "Plain");
    assertThat(ack.getRequiresStableInput()).isTrue();
    assertThat(ack.getRequestsFinalization()).isTrue();
    assertThat(plain.getRequiresStableInput()).isFalse();
    assertThat(plain.getRequestsFinalization()).isFalse();
  }

  @Test
  void boundedSourceMarkedUnboundedIsRejectedNamingTheTransform() {
    Pipeline p = Pipeline.create();
    p.apply("Numbers", Read.from(CountingSource.upTo(3)));
    io.runnel.sdk.portable.proto.Pipeline proto = withReadPayload(PipelineTranslation.toProto(p),
        "Numbers", payload -> payload.setIsBounded(false));

    assertThatThrownBy(() -> PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Numbers'")
        .hasMessageContaining("is_bounded=false");
  }

  @Test
  void limitsOnAnUnboundedReadAreRejectedNamingTheTransform() {
    Pipeline p = Pipeline.create();
    p.apply("Ticks", Read.from(CountingSource.unbounded()));
    io.runnel.sdk.portable.proto.Pipeline proto = withReadPayload(PipelineTranslation.toProto(p),
        "Ticks", payload -> payload.setMaxReadTimeMillis(10));

    assertThatThrownBy(() -> PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Ticks'")
        .hasMessageContaining("max_read_time_millis=10");
  }

  @Test
  void undeserializableSourceIsRejectedNamingTheTransform() {
    Pipeline p = Pipeline.create();
    p.apply("Numbers", Read.from(CountingSource.upTo(3)));
    io.runnel.sdk.portable.proto.Pipeline proto = withReadPayload(PipelineTranslation.toProto(p),
        "Numbers", payload -> payload.setSource(Specs.of(Functions.SOURCE, new byte[] {1, 2})));

    assertThatThrownBy(() -> PipelineTranslation.fromProto(proto, PipelineOptionsFactory.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Numbers'");
  }

  private static ReadPayload readPayload(io.runnel.sdk.portable.proto.Pipeline proto, String id)
      throws Exception {
    io.runnel.sdk.portable.proto.PTransform transform =
        proto.getComponents().getTransformsOrThrow(id);
    assertThat(transform.getSpec().getUrn()).isEqualTo(Transforms.READ);
    return ReadPayload.parseFrom(transform.getSpec().getPayload());
  }

  private static ParDoPayload parDoPayload(io.runnel.sdk.portable.proto.Pipeline proto,
      String prefix) throws Exception {
    io.runnel.sdk.portable.proto.PTransform transform = proto.getComponents().getTransformsMap()
        .entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix)
            && e.getValue().getSpec().getUrn().equals(Transforms.PAR_DO))
        .map(java.util.Map.Entry::getValue)
        .findFirst().orElseThrow();
    return ParDoPayload.parseFrom(transform.getSpec().getPayload());
  }

  private static io.runnel.sdk.portable.proto.Pipeline withReadPayload(
      io.runnel.sdk.portable.proto.Pipeline proto, String id,
      java.util.function.Consumer<ReadPayload.Builder> edit) {
    io.runnel.sdk.portable.proto.PTransform transform =
        proto.getComponents().getTransformsOrThrow(id);
    ReadPayload.Builder payload;
    try {
      payload = ReadPayload.parseFrom(transform.getSpec().getPayload()).toBuilder();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
    edit.accept(payload);
    io.runnel.sdk.portable.proto.PTransform edited = transform.toBuilder()
        .setSpec(Specs.of(Transforms.READ, payload.build().toByteArray())).build();
    return proto.toBuilder()
        .setComponents(proto.getComponents().toBuilder().putTransforms(id, edited))
        .build();
  }

  static final class AckFn extends DoFn<Long, Long> {
    private static final long serialVersionUID = 1L;

    @RequiresStableInput
    @ProcessElement
    public void process(@Element Long element, BundleFinalizer finalizer, OutputReceiver<Long> out) {
      out.output(element);
    }
  }

  static final class PlainFn extends DoFn<Long, Long> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element Long element, OutputReceiver<Long> out) {
      out.output(element);
    }
  }
}
