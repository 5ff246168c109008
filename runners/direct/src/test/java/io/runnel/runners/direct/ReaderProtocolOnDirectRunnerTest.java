package io.runnel.runners.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.SerializableCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.io.UnboundedSource;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The direct runner keeps the {@code UnboundedReader} protocol: {@code start()} once and first,
 * {@code getWatermark()} and {@code getCheckpointMark()} never before it, nothing after {@code
 * close()}, which comes once; and it cuts read bundles by count ({@code --directReadBundleSize},
 * by default 8 times {@code --directBundleSize}) and by time ({@code --directReadBundleTime}). A strict source records every breach of the protocol.
 */
class ReaderProtocolOnDirectRunnerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(8);
  /** Breaches of the reader protocol, by run id. */
  private static final Map<String, List<String>> BREACHES = new ConcurrentHashMap<>();
  /** Elements per bundle seen downstream, by run id. */
  private static final Map<String, List<Integer>> BUNDLES = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> READ = new ConcurrentHashMap<>();

  private final String runId = UUID.randomUUID().toString();

  @AfterEach
  void forget() {
    BREACHES.remove(runId);
    BUNDLES.remove(runId);
    READ.remove(runId);
  }

  private List<String> breaches() {
    List<String> found = BREACHES.getOrDefault(runId, List.of());
    synchronized (found) {
      return List.copyOf(found);
    }
  }

  private List<Integer> bundles() {
    List<Integer> found = BUNDLES.getOrDefault(runId, List.of());
    synchronized (found) {
      return List.copyOf(found);
    }
  }

  private int read() {
    return READ.computeIfAbsent(runId, id -> new AtomicInteger()).get();
  }

  private static Pipeline pipeline(String... args) {
    return Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
  }

  /**
   * Endless "s0, s1, ...", each available at once, each {@code advance()} taking {@code
   * readNanos} (a slow input); records breaches of the reader protocol and counts what it read.
   */
  static final class StrictSource extends UnboundedSource<String, StrictSource.Mark> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final long readNanos;

    StrictSource(String runId, long readNanos) {
      this.runId = runId;
      this.readNanos = readNanos;
    }

    record Mark(long next) implements CheckpointMark, Serializable {
      @Override
      public void finalizeCheckpoint() {}
    }

    @Override
    public List<StrictSource> split(int desiredNumSplits, PipelineOptions options) {
      return List.of(this);
    }

    @Override
    public UnboundedReader<String> createReader(PipelineOptions options, Mark mark) {
      return new UnboundedReader<>() {
        private boolean started;
        private boolean closed;
        private long next = mark == null ? 0 : mark.next();
        private String current;

        private void breach(String what) {
          BREACHES.computeIfAbsent(runId, id -> Collections.synchronizedList(new ArrayList<>()))
              .add(what);
        }

        private void check(String method, boolean mustBeStarted) {
          if (closed) {
            breach(method + " after close()");
          }
          if (mustBeStarted && !started) {
            breach(method + " before start()");
          }
        }

        @Override
        public boolean start() {
          check("start()", false);
          if (started) {
            breach("start() twice");
          }
          started = true;
          return read();
        }

        @Override
        public boolean advance() {
          check("advance()", true);
          return read();
        }

        private boolean read() {
          if (readNanos > 0) {
            // A slow input: each record takes this long to arrive.
            LockSupport.parkNanos(readNanos);
          }
          current = "s" + next++;
          READ.computeIfAbsent(runId, id -> new AtomicInteger()).incrementAndGet();
          return true;
        }

        @Override
        public String getCurrent() {
          check("getCurrent()", true);
          if (current == null) {
            throw new NoSuchElementException();
          }
          return current;
        }

        @Override
        public Instant getCurrentTimestamp() {
          check("getCurrentTimestamp()", true);
          return Instant.EPOCH;
        }

        @Override
        public Instant getWatermark() {
          check("getWatermark()", true);
          return Instant.EPOCH;
        }

        @Override
        public CheckpointMark getCheckpointMark() {
          check("getCheckpointMark()", true);
          return new Mark(next);
        }

        @Override
        public UnboundedSource<String, ?> getCurrentSource() {
          return StrictSource.this;
        }

        @Override
        public void close() {
          if (closed) {
            breach("close() twice");
          }
          closed = true;
        }
      };
    }

    @Override
    public Coder<Mark> getCheckpointMarkCoder() {
      return SerializableCoder.of(Mark.class);
    }

    @Override
    public Coder<String> getOutputCoder() {
      return StringUtf8Coder.of();
    }

    @Override
    public String toString() {
      return "StrictSource";
    }
  }

  /** Records how many elements each bundle had. */
  static final class BundleSizeFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private int inBundle;

    BundleSizeFn(String runId) {
      this.runId = runId;
    }

    @StartBundle
    public void start() {
      inBundle = 0;
    }

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      inBundle++;
      out.output(element);
    }

    @FinishBundle
    public void finish() {
      if (inBundle > 0) {
        BUNDLES.computeIfAbsent(runId, id -> Collections.synchronizedList(new ArrayList<>()))
            .add(inBundle);
        Await.signal();
      }
    }
  }

  @Test
  void anEndlessReadKeepsTheProtocolAndIsCutByBundleSize() {
    readTenBundlesOfAnEndlessSource("--directReadBundleSize=50");

    assertThat(breaches()).isEmpty();
    assertThat(bundles()).as("elements per bundle").allMatch(n -> n == 50);
  }

  @Test
  void readBundlesHoldEightTimesTheBundleSizeByDefault() {
    readTenBundlesOfAnEndlessSource("--directBundleSize=10");

    assertThat(breaches()).isEmpty();
    assertThat(bundles()).as("elements per bundle").allMatch(n -> n == 80);
  }

  /** Reads an endless source with {@code option} until ten bundles went by, then cancels. */
  private void readTenBundlesOfAnEndlessSource(String option) {
    Pipeline p = pipeline("--blockOnRun=false", option, "--directReadBundleTime=10s");
    p.apply(Read.from(new StrictSource(runId, 0))).apply(ParDo.of(new BundleSizeFn(runId)));

    PipelineResult result = p.run();
    try {
      Await.until("ten bundles", DEADLINE, () -> bundles().size() >= 10);
    } finally {
      assertThat(result.cancel()).isEqualTo(PipelineResult.State.CANCELLED);
    }
  }

  @Test
  void readBundlesOfASlowInputAreCutByTime() {
    // 20 ms per record, bundles of at most 100 ms: about five records each, far below 1,000.
    Pipeline p = pipeline("--blockOnRun=false", "--directBundleSize=1000",
        "--directReadBundleTime=100ms");
    p.apply(Read.from(new StrictSource(runId, 20_000_000L)))
        .apply(ParDo.of(new BundleSizeFn(runId)));

    PipelineResult result = p.run();
    try {
      Await.until("five bundles", DEADLINE, () -> bundles().size() >= 5);
    } finally {
      result.cancel();
    }

    assertThat(breaches()).isEmpty();
    assertThat(bundles()).as("elements per bundle").allMatch(n -> n >= 1 && n <= 10);
  }

  @Test
  void aBoundedReadOfNothingEndsAtOnce() {
    Pipeline p = pipeline();
    p.apply(Read.from(new StrictSource(runId, 0)).withMaxNumRecords(0))
        .apply(ParDo.of(new BundleSizeFn(runId)));

    assertThat(assertTimeoutPreemptively(DEADLINE, () -> p.run().getState()))
        .isEqualTo(PipelineResult.State.DONE);
    assertThat(read()).as("records read").isZero();
    assertThat(bundles()).isEmpty();
  }

  @Test
  void aBoundedReadOfNothingNeverAsksAnUnstartedReaderForItsWatermarkOrMark() {
    Pipeline p = pipeline();
    p.apply("None", Read.from(new StrictSource(runId, 0)).withMaxNumRecords(0));
    p.apply("NoTime", Read.from(new StrictSource(runId, 0)).withMaxReadTime(Duration.ZERO));

    assertTimeoutPreemptively(DEADLINE, () -> p.run());

    assertThat(breaches()).isEmpty();
  }
}
