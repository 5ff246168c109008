package io.runnel.runners.direct;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.SerializableCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.io.UnboundedSource;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.windowing.BoundedWindow;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An unbounded source for runner tests: each split replays a script of {@link Step}s, and
 * everything the runner does with it (readers created and closed, checkpoint marks finalized) is
 * recorded in the {@link RunLog} of the test's run id. The source splits into exactly one part
 * per script, whatever the runner asks for. In-process only: the log is static.
 *
 * <p>A reader's {@code advance()} runs the script from where it stands: {@link #emit} reads an
 * element; {@link #watermark} moves the reader's watermark and goes on; {@link #pause} returns
 * false once ("no data now"); {@link #gate} returns false until the test opens the gate; {@link
 * #failRead} throws; {@link #forever} emits elements forever, one per {@code advance()} call
 * with a pause between them; {@link #end} ends the split (watermark at the end of time). A
 * script that runs out without {@code end()} has no more data, forever, and keeps its watermark.
 */
final class ScriptedUnboundedSource
    extends UnboundedSource<String, ScriptedUnboundedSource.Position> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, RunLog> LOGS = new ConcurrentHashMap<>();

  private final String runId;
  private final List<List<Step>> scripts;
  /** The split this source is, or -1 for the whole source before splitting. */
  private final int split;

  private ScriptedUnboundedSource(String runId, List<List<Step>> scripts, int split) {
    this.runId = runId;
    this.scripts = scripts;
    this.split = split;
  }

  /** A source of one split per script, recording into the log of {@code runId}. */
  @SafeVarargs
  static ScriptedUnboundedSource of(String runId, List<Step>... scripts) {
    List<List<Step>> copies = new ArrayList<>();
    for (List<Step> script : scripts) {
      copies.add(List.copyOf(script));
    }
    return new ScriptedUnboundedSource(runId, List.copyOf(copies), -1);
  }

  /** The log of {@code runId}, created on first use. */
  static RunLog log(String runId) {
    return LOGS.computeIfAbsent(runId, id -> new RunLog());
  }

  /** Forgets the log of {@code runId}. */
  static void forget(String runId) {
    LOGS.remove(runId);
  }

  // The steps of a script.

  /** One step of a split's script. */
  sealed interface Step extends Serializable {}

  record Emit(String value, Instant timestamp) implements Step {}

  record Watermark(Instant to) implements Step {}

  record Pause() implements Step {}

  record Gate(String name) implements Step {}

  record FailRead(String message) implements Step {}

  record Forever(String prefix, Instant from, Duration step, boolean advanceWatermark)
      implements Step {}

  record End() implements Step {}

  static Step emit(String value, Instant timestamp) {
    return new Emit(value, timestamp);
  }

  static Step watermark(Instant to) {
    return new Watermark(to);
  }

  static Step pause() {
    return new Pause();
  }

  static Step gate(String name) {
    return new Gate(name);
  }

  static Step failRead(String message) {
    return new FailRead(message);
  }

  /**
   * Elements {@code prefix + i} at {@code from + i * step} for i = 0, 1, ..., one per {@code
   * advance()} with a pause in between; the watermark follows them if {@code advanceWatermark},
   * else stays where it was.
   */
  static Step forever(String prefix, Instant from, Duration step, boolean advanceWatermark) {
    return new Forever(prefix, from, step, advanceWatermark);
  }

  static Step end() {
    return new End();
  }

  /** {@code count} elements {@code prefix + 1 ... prefix + count}, all at {@code timestamp}. */
  static List<Step> numbered(String prefix, int count, Instant timestamp) {
    List<Step> steps = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      steps.add(emit(prefix + i, timestamp));
    }
    return steps;
  }

  /** {@code parts} concatenated into one script. */
  @SafeVarargs
  static List<Step> script(List<Step>... parts) {
    List<Step> all = new ArrayList<>();
    Arrays.stream(parts).forEach(all::addAll);
    return all;
  }

  // The source.

  @Override
  public List<ScriptedUnboundedSource> split(int desiredNumSplits, PipelineOptions options) {
    if (split >= 0) {
      return List.of(this);
    }
    List<ScriptedUnboundedSource> splits = new ArrayList<>();
    for (int i = 0; i < scripts.size(); i++) {
      splits.add(new ScriptedUnboundedSource(runId, scripts, i));
    }
    return splits;
  }

  @Override
  public UnboundedReader<String> createReader(PipelineOptions options, Position mark) {
    if (split < 0 && scripts.size() != 1) {
      throw new IllegalStateException(this + " must be split before it is read");
    }
    log(runId).readersCreated.incrementAndGet();
    return new Reader(Math.max(split, 0), mark);
  }

  @Override
  public Coder<Position> getCheckpointMarkCoder() {
    return SerializableCoder.of(Position.class);
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public String toString() {
    return "ScriptedUnboundedSource{" + (split < 0 ? scripts.size() + " splits"
        : "split " + split + " of " + scripts.size()) + "}";
  }

  /**
   * Where a split's reader stands: the step it is at, how many elements it read, how far into a
   * {@code forever} step it is, and its watermark. Finalizing it records a {@link Finalization}.
   */
  record Position(String runId, int split, int step, long read, long foreverIndex,
      Instant watermark) implements UnboundedSource.CheckpointMark, Serializable {
    @Override
    public void finalizeCheckpoint() {
      log(runId).finalized(this);
    }
  }

  /** A checkpoint mark finalized, and what had been processed downstream when it was. */
  record Finalization(int split, long read, Set<String> processedBefore, long committedBefore,
      String thread) {}

  /** A {@code BundleFinalizer} callback registered while processing {@code element} ran. */
  record Callback(String element, long committedBefore, String thread) {}

  /** What the runner did with a source of one run, and what the test's DoFns saw. */
  static final class RunLog {
    final AtomicInteger readersCreated = new AtomicInteger();
    final AtomicInteger readersClosed = new AtomicInteger();
    final List<Finalization> finalizations = Collections.synchronizedList(new ArrayList<>());
    /** Elements processed by a test DoFn ({@link #processed}), in order. */
    final List<String> processed = Collections.synchronizedList(new ArrayList<>());
    /** Panes described by a test DoFn ({@link #pane}), in order. */
    final List<String> panes = Collections.synchronizedList(new ArrayList<>());
    /** Threads a test DoFn ran on. */
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /** Calls of {@code @Setup} and {@code @Teardown} of a test DoFn. */
    final AtomicInteger setups = new AtomicInteger();
    final AtomicInteger teardowns = new AtomicInteger();
    /** What a test DoFn's {@code BundleFinalizer} callbacks saw, in the order they ran. */
    final List<Callback> callbacks = Collections.synchronizedList(new ArrayList<>());
    /** Calls of a test DoFn running now, and the most that ever ran at once. */
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostRunning = new AtomicInteger();
    final Set<String> openGates = ConcurrentHashMap.newKeySet();
    /** Read when a mark is finalized: e.g. a committed counter of the run. */
    volatile java.util.function.LongSupplier committedProbe = () -> -1;

    /** When (wall clock, epoch milliseconds) each element was processed and each pane described. */
    final Map<String, Long> wallMillis = new ConcurrentHashMap<>();

    void processed(String element) {
      wallMillis.put(element, System.currentTimeMillis());
      processed.add(element);
      Await.signal();
    }

    void pane(String description) {
      wallMillis.put(description, System.currentTimeMillis());
      panes.add(description);
      Await.signal();
    }

    List<String> panes() {
      synchronized (panes) {
        return List.copyOf(panes);
      }
    }

    void callback(String element) {
      callbacks.add(new Callback(element, committedProbe.getAsLong(),
          Thread.currentThread().getName()));
      Await.signal();
    }

    List<Callback> callbacks() {
      synchronized (callbacks) {
        return List.copyOf(callbacks);
      }
    }

    void open(String gate) {
      openGates.add(gate);
      Await.signal();
    }

    void finalized(Position position) {
      Set<String> seen;
      synchronized (processed) {
        seen = Set.copyOf(processed);
      }
      finalizations.add(new Finalization(position.split(), position.read(), seen,
          committedProbe.getAsLong(), Thread.currentThread().getName()));
      Await.signal();
    }

    List<Finalization> finalizations() {
      synchronized (finalizations) {
        return List.copyOf(finalizations);
      }
    }

    List<String> processed() {
      synchronized (processed) {
        return List.copyOf(processed);
      }
    }
  }

  /** Replays one split's script. Used by one thread at a time, as every reader. */
  private final class Reader extends UnboundedReader<String> {
    private final int splitIndex;
    private final List<Step> steps;
    private int step;
    private long read;
    private long foreverIndex;
    /** Whether a {@code forever} step owes a pause before its next element. */
    private boolean foreverPauseDue;
    private Instant watermark = BoundedWindow.TIMESTAMP_MIN_VALUE;
    private String current;
    private Instant currentTimestamp;
    private boolean closed;

    Reader(int splitIndex, Position mark) {
      this.splitIndex = splitIndex;
      this.steps = scripts.get(splitIndex);
      if (mark != null) {
        step = mark.step();
        read = mark.read();
        foreverIndex = mark.foreverIndex();
        watermark = mark.watermark();
      }
    }

    @Override
    public boolean start() throws IOException {
      return advance();
    }

    @Override
    public boolean advance() throws IOException {
      if (closed) {
        throw new IllegalStateException("advance() after close()");
      }
      current = null;
      while (step < steps.size()) {
        Step next = steps.get(step);
        if (next instanceof Emit emit) {
          step++;
          return read(emit.value(), emit.timestamp());
        } else if (next instanceof Watermark mark) {
          step++;
          watermark = mark.to();
        } else if (next instanceof Pause) {
          step++;
          return false;
        } else if (next instanceof Gate gate) {
          if (!log(runId).openGates.contains(gate.name())) {
            return false;
          }
          step++;
        } else if (next instanceof FailRead fail) {
          throw new IOException(fail.message());
        } else if (next instanceof Forever forever) {
          if (foreverPauseDue) {
            foreverPauseDue = false;
            return false;
          }
          foreverPauseDue = true;
          Instant timestamp = forever.from().plus(forever.step().multipliedBy(foreverIndex));
          if (forever.advanceWatermark()) {
            watermark = timestamp;
          }
          return read(forever.prefix() + foreverIndex++, timestamp);
        } else if (next instanceof End) {
          watermark = BoundedWindow.TIMESTAMP_MAX_VALUE;
          return false;
        }
      }
      return false;
    }

    private boolean read(String value, Instant timestamp) {
      current = value;
      currentTimestamp = timestamp;
      read++;
      return true;
    }

    @Override
    public String getCurrent() {
      if (current == null) {
        throw new NoSuchElementException();
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      getCurrent();
      return currentTimestamp;
    }

    @Override
    public byte[] getCurrentRecordId() {
      return getCurrent().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Instant getWatermark() {
      return watermark;
    }

    @Override
    public Position getCheckpointMark() {
      return new Position(runId, splitIndex, step, read, foreverIndex, watermark);
    }

    @Override
    public ScriptedUnboundedSource getCurrentSource() {
      return ScriptedUnboundedSource.this;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        log(runId).readersClosed.incrementAndGet();
        Await.signal();
      }
    }
  }
}
