package io.runnel.sdk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.io.UnboundedSource.CheckpointMark;
import io.runnel.sdk.io.UnboundedSource.UnboundedReader;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.GlobalWindows;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Read and BoundedReadFromUnboundedSource as transforms: their outputs and their checks. */
class ReadTest {
  @Test
  void boundedReadMakesABoundedGloballyWindowedOutputWithTheSourceCoder() {
    Pipeline p = Pipeline.create();

    PCollection<Long> numbers = p.apply(Read.from(CountingSource.upTo(3)));

    assertThat(numbers.isBounded()).isEqualTo(PCollection.IsBounded.BOUNDED);
    assertThat(numbers.getCoder()).isEqualTo(VarLongCoder.of());
    assertThat(numbers.getWindowingStrategy().getWindowFn()).isInstanceOf(GlobalWindows.class);
    assertThat(((Read.Bounded<?>) Primitives.single(p)).getSource())
        .isEqualTo(CountingSource.upTo(3));
  }

  @Test
  void unboundedReadMakesAnUnboundedGloballyWindowedOutput() {
    Pipeline p = Pipeline.create();
    UnboundedSource<Long, ?> source = CountingSource.unbounded();

    PCollection<Long> numbers = p.apply(Read.from(source));

    assertThat(numbers.isBounded()).isEqualTo(PCollection.IsBounded.UNBOUNDED);
    assertThat(numbers.getCoder()).isEqualTo(VarLongCoder.of());
    assertThat(numbers.getWindowingStrategy().getWindowFn()).isInstanceOf(GlobalWindows.class);
    assertThat(((Read.Unbounded<?>) Primitives.single(p)).getSource()).isSameAs(source);
  }

  @Test
  void readIsNamedAfterTheSourceClass() {
    assertThat(Read.from(CountingSource.upTo(3)).getName()).isEqualTo("Read(BoundedCountingSource)");
    assertThat(Read.from(new OneRecordSource(false)).withMaxNumRecords(1).getName())
        .isEqualTo("Read(OneRecordSource)");
  }

  @Test
  void sourceWithoutAnOutputCoderIsRejectedNamingTheSourceAndTheFix() {
    Pipeline p = Pipeline.create();

    assertThatThrownBy(() -> p.apply("Lines", Read.from(new NoCoderSource())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Lines'")
        .hasMessageContaining("NoCoderSource{lines}")
        .hasMessageContaining(NoCoderSource.class.getName())
        .hasMessageContaining("override getOutputCoder()");
  }

  @Test
  void sourceReturningANullOutputCoderIsRejectedNamingTheSource() {
    Pipeline p = Pipeline.create();

    assertThatThrownBy(() -> p.apply("Nulls", Read.from(new NullCoderSource())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Nulls'")
        .hasMessageContaining(NullCoderSource.class.getName())
        .hasMessageContaining("override getOutputCoder()");
  }

  @Test
  void sourceIsValidatedWhenTheReadIsApplied() {
    Pipeline p = Pipeline.create();
    Read.Bounded<String> read = Read.from(new InvalidSource());

    assertThatThrownBy(() -> p.apply(read))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("InvalidSource needs a path");
  }

  @Test
  void unserializableSourceIsRejectedWhenTheReadIsMade() {
    assertThatThrownBy(() -> Read.from(new UnserializableSource()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UnserializableSource{}")
        .hasMessageContaining("Read.from")
        .hasMessageContaining(Thread.class.getName());
  }

  @Test
  void maxNumRecordsMakesABoundedOutput() {
    Pipeline p = Pipeline.create();

    PCollection<Long> numbers = p.apply(Read.from(CountingSource.unbounded()).withMaxNumRecords(5));

    BoundedReadFromUnboundedSource<?> read = (BoundedReadFromUnboundedSource<?>) Primitives.single(p);
    assertThat(numbers.isBounded()).isEqualTo(PCollection.IsBounded.BOUNDED);
    assertThat(numbers.getCoder()).isEqualTo(VarLongCoder.of());
    assertThat(read.getMaxNumRecords()).isEqualTo(5);
    assertThat(read.getMaxReadTime()).isNull();
  }

  @Test
  void maxReadTimeAloneLeavesTheRecordCountUnlimited() {
    BoundedReadFromUnboundedSource<Long> read = Read.from(CountingSource.unbounded())
        .withMaxReadTime(Duration.ofSeconds(3));

    assertThat(read.getMaxNumRecords()).isEqualTo(Long.MAX_VALUE);
    assertThat(read.getMaxReadTime()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void limitsCombine() {
    BoundedReadFromUnboundedSource<Long> read = Read.from(CountingSource.unbounded())
        .withMaxReadTime(Duration.ofSeconds(3)).withMaxNumRecords(0);

    assertThat(read.getMaxNumRecords()).isZero();
    assertThat(read.getMaxReadTime()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void negativeMaxNumRecordsIsRejectedNamingTheCallAndValue() {
    Read.Unbounded<Long> read = Read.from(CountingSource.unbounded());

    assertThatThrownBy(() -> read.withMaxNumRecords(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Read.Unbounded.withMaxNumRecords(-1)");
    assertThatThrownBy(() -> read.withMaxReadTime(Duration.ofSeconds(1)).withMaxNumRecords(-7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BoundedReadFromUnboundedSource.withMaxNumRecords(-7)");
  }

  @Test
  void negativeOrMissingMaxReadTimeIsRejectedNamingTheCallAndValue() {
    Read.Unbounded<Long> read = Read.from(CountingSource.unbounded());

    assertThatThrownBy(() -> read.withMaxReadTime(Duration.ofSeconds(-2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Read.Unbounded.withMaxReadTime(PT-2S)");
    assertThatThrownBy(() -> read.withMaxReadTime(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Read.Unbounded.withMaxReadTime(null)");
    assertThatThrownBy(() -> read.withMaxNumRecords(3).withMaxReadTime(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BoundedReadFromUnboundedSource.withMaxReadTime(PT-0.001S)");
  }

  @Test
  void recordIdIsEmptyUnlessTheSourceRequiresDeduping() throws Exception {
    UnboundedReader<String> plain = new OneRecordSource(false).createReader(null, null);
    UnboundedReader<String> deduped = new OneRecordSource(true).createReader(null, null);
    plain.start();
    deduped.start();

    assertThat(plain.getCurrentRecordId()).isEmpty();
    assertThatThrownBy(deduped::getCurrentRecordId)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("getCurrentRecordId()");
  }

  @Test
  void noopCheckpointMarkStaysASingletonThroughSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(CheckpointMark.NOOP_CHECKPOINT_MARK);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isSameAs(CheckpointMark.NOOP_CHECKPOINT_MARK);
    }
  }

  /** A bounded source of strings that never says how to encode them. */
  static class NoCoderSource extends BoundedSource<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<? extends BoundedSource<String>> split(long desired, PipelineOptions options) {
      return List.of(this);
    }

    @Override
    public long getEstimatedSizeBytes(PipelineOptions options) {
      return 0;
    }

    @Override
    public BoundedReader<String> createReader(PipelineOptions options) {
      throw new UnsupportedOperationException("not read in these tests");
    }

    @Override
    public String toString() {
      return "NoCoderSource{lines}";
    }
  }

  static final class NullCoderSource extends NoCoderSource {
    private static final long serialVersionUID = 1L;

    @Override
    public Coder<String> getOutputCoder() {
      return null;
    }
  }

  static final class InvalidSource extends NoCoderSource {
    private static final long serialVersionUID = 1L;

    @Override
    public void validate() {
      throw new IllegalArgumentException("InvalidSource needs a path");
    }

    @Override
    public Coder<String> getOutputCoder() {
      return StringUtf8Coder.of();
    }
  }

  static final class UnserializableSource extends NoCoderSource {
    private static final long serialVersionUID = 1L;
    final Thread thread = new Thread(() -> {});

    @Override
    public String toString() {
      return "UnserializableSource{}";
    }
  }

  /** An unbounded source with one record, "x". */
  static final class OneRecordSource extends UnboundedSource<String, CheckpointMark> {
    private static final long serialVersionUID = 1L;
    private final boolean dedupe;

    OneRecordSource(boolean dedupe) {
      this.dedupe = dedupe;
    }

    @Override
    public List<OneRecordSource> split(int desiredNumSplits, PipelineOptions options) {
      return List.of(this);
    }

    @Override
    public UnboundedReader<String> createReader(PipelineOptions options, CheckpointMark mark) {
      OneRecordSource source = this;
      return new UnboundedReader<>() {
        @Override
        public boolean start() {
          return true;
        }

        @Override
        public boolean advance() {
          return false;
        }

        @Override
        public String getCurrent() {
          return "x";
        }

        @Override
        public Instant getCurrentTimestamp() {
          return Instant.EPOCH;
        }

        @Override
        public Instant getWatermark() {
          return Instant.EPOCH;
        }

        @Override
        public CheckpointMark getCheckpointMark() {
          return CheckpointMark.NOOP_CHECKPOINT_MARK;
        }

        @Override
        public UnboundedSource<String, ?> getCurrentSource() {
          return source;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public Coder<CheckpointMark> getCheckpointMarkCoder() {
      return null;
    }

    @Override
    public boolean requiresDeduping() {
      return dedupe;
    }
  }
}
