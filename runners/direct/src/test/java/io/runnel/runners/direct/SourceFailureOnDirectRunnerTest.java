package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.runners.direct.NumberedBoundedSource.Failure;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.io.UnboundedSource;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.windowing.BoundedWindow;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad sources: a source that throws while being split, sized, opened or read fails the run with
 * {@link Pipeline.PipelineExecutionException}, whose message names the Read transform and the
 * source, and whose root cause is the source's own exception.
 */
class SourceFailureOnDirectRunnerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(8);
  private final String runId = UUID.randomUUID().toString();

  @AfterEach
  void forget() {
    NumberedBoundedSource.forget(runId);
  }

  private static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--directParallelism=2").create());
  }

  @ParameterizedTest
  @EnumSource(value = Failure.class, names = {"SPLIT", "ESTIMATE_SIZE", "CREATE_READER", "READ"})
  void aBoundedSourceThatThrowsFailsTheRunNamingTheReadAndTheSource(Failure where) {
    Pipeline p = pipeline();
    p.apply("ReadNumbers", Read.from(NumberedBoundedSource.failing(runId, 100, where, 42)));

    Throwable failure = assertTimeoutPreemptively(DEADLINE, () -> catchThrowable(p::run));

    assertThat(failure).isInstanceOf(Pipeline.PipelineExecutionException.class);
    assertThat(failure.getMessage()).contains("ReadNumbers").contains("NumberedBoundedSource[");
    assertThat(failure).rootCause().isInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @EnumSource(value = BrokenUnboundedSource.Broken.class,
      names = {"SPLIT", "CREATE_READER", "START", "ADVANCE", "RECORD_ID"})
  void anUnboundedSourceThatThrowsFailsTheRunNamingTheReadAndTheSource(
      BrokenUnboundedSource.Broken where) {
    assertReadFailureNamesReadAndSource(where);
  }

  @ParameterizedTest
  @EnumSource(value = BrokenUnboundedSource.Broken.class,
      names = {"WATERMARK", "CHECKPOINT_MARK"})
  void anUnboundedReaderWhoseWatermarkOrMarkThrowsFailsTheRunNamingTheReadAndTheSource(
      BrokenUnboundedSource.Broken where) {
    assertReadFailureNamesReadAndSource(where);
  }

  private static void assertReadFailureNamesReadAndSource(BrokenUnboundedSource.Broken where) {
    Pipeline p = pipeline();
    p.apply("ReadEvents", Read.from(new BrokenUnboundedSource(where)));

    Throwable failure = assertTimeoutPreemptively(DEADLINE, () -> catchThrowable(p::run));

    assertThat(failure).isInstanceOf(Pipeline.PipelineExecutionException.class);
    assertThat(failure.getMessage()).contains("ReadEvents")
        .contains("BrokenUnboundedSource(" + where + ")");
    assertThat(failure).rootCause().hasMessageContaining("broken in " + where);
  }

  @Test
  void theSameSourceUnbrokenReadsEverything() {
    // The control of the test above: only the broken method makes it fail.
    Pipeline p = pipeline();
    p.apply("ReadEvents", Read.from(new BrokenUnboundedSource(null)));

    assertThat(assertTimeoutPreemptively(DEADLINE, () -> p.run().waitUntilFinish()))
        .isEqualTo(io.runnel.sdk.PipelineResult.State.DONE);
  }

  @Test
  void aBoundedReadOfAnUnboundedSourceThatThrowsFailsTheSameWay() {
    Pipeline p = pipeline();
    p.apply("ReadSome", Read.from(new BrokenUnboundedSource(BrokenUnboundedSource.Broken.START))
        .withMaxNumRecords(2));

    Throwable failure = assertTimeoutPreemptively(DEADLINE, () -> catchThrowable(p::run));

    assertThat(failure).isInstanceOf(Pipeline.PipelineExecutionException.class);
    assertThat(failure.getMessage()).contains("ReadSome").contains("BrokenUnboundedSource(START)");
  }

  /**
   * Three elements {@code u1, u2, u3} at the epoch, then the end of the input; or a failure in
   * the method {@link Broken} names. Record ids are the elements, and the source requires deduping
   * only when its record ids are broken.
   */
  static final class BrokenUnboundedSource
      extends UnboundedSource<String, UnboundedSource.CheckpointMark.NoopCheckpointMark> {
    private static final long serialVersionUID = 1L;

    /** The method that throws. */
    enum Broken { SPLIT, CREATE_READER, START, ADVANCE, WATERMARK, CHECKPOINT_MARK, RECORD_ID }

    private final Broken broken;

    BrokenUnboundedSource(Broken broken) {
      this.broken = broken;
    }

    private void failIf(Broken method) {
      if (broken == method) {
        throw new IllegalStateException("broken in " + method);
      }
    }

    @Override
    public List<BrokenUnboundedSource> split(int desiredNumSplits, PipelineOptions options) {
      failIf(Broken.SPLIT);
      return List.of(this);
    }

    @Override
    public UnboundedReader<String> createReader(PipelineOptions options,
        CheckpointMark.NoopCheckpointMark mark) {
      failIf(Broken.CREATE_READER);
      return new UnboundedReader<>() {
        private int read;
        private boolean current;

        @Override
        public boolean start() {
          failIf(Broken.START);
          return advance();
        }

        @Override
        public boolean advance() {
          if (read == 1) {
            failIf(Broken.ADVANCE);
          }
          current = read < 3;
          if (current) {
            read++;
          }
          return current;
        }

        @Override
        public String getCurrent() {
          if (!current) {
            throw new NoSuchElementException();
          }
          return "u" + read;
        }

        @Override
        public Instant getCurrentTimestamp() {
          getCurrent();
          return Instant.EPOCH;
        }

        @Override
        public byte[] getCurrentRecordId() {
          failIf(Broken.RECORD_ID);
          return getCurrent().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public Instant getWatermark() {
          failIf(Broken.WATERMARK);
          return read < 3 ? BoundedWindow.TIMESTAMP_MIN_VALUE : BoundedWindow.TIMESTAMP_MAX_VALUE;
        }

        @Override
        public CheckpointMark getCheckpointMark() {
          failIf(Broken.CHECKPOINT_MARK);
          return CheckpointMark.NOOP_CHECKPOINT_MARK;
        }

        @Override
        public UnboundedSource<String, ?> getCurrentSource() {
          return BrokenUnboundedSource.this;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public boolean requiresDeduping() {
      return broken == Broken.RECORD_ID;
    }

    @Override
    public Coder<CheckpointMark.NoopCheckpointMark> getCheckpointMarkCoder() {
      return io.runnel.sdk.coders.SerializableCoder.of(CheckpointMark.NoopCheckpointMark.class);
    }

    @Override
    public Coder<String> getOutputCoder() {
      return StringUtf8Coder.of();
    }

    @Override
    public String toString() {
      return "BrokenUnboundedSource(" + broken + ")";
    }
  }
}
