package io.runnel.runners.direct;

import static io.runnel.runners.direct.ScriptedUnboundedSource.end;
import static io.runnel.runners.direct.ScriptedUnboundedSource.failRead;
import static io.runnel.runners.direct.ScriptedUnboundedSource.gate;
import static io.runnel.runners.direct.ScriptedUnboundedSource.numbered;
import static io.runnel.runners.direct.ScriptedUnboundedSource.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.runners.direct.ScriptedUnboundedSource.Finalization;
import io.runnel.runners.direct.ScriptedUnboundedSource.RunLog;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.ParDo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code CheckpointMark.finalizeCheckpoint()} on the direct runner: a mark is finalized only once
 * the bundle that read up to it has committed its outputs (every element before the mark was
 * processed downstream and its metrics committed), never for a bundle that failed, whether the
 * reader or a downstream DoFn failed; readers are closed after a failure too. One split, bundles
 * of 5 elements ({@code --directReadBundleSize=5}) with a read time long enough never to cut them.
 */
class CheckpointFinalizationOnDirectRunnerTest {
  private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
  private static final Duration DEADLINE = Duration.ofSeconds(8);

  private final String runId = UUID.randomUUID().toString();
  private final RunLog log = ScriptedUnboundedSource.log(runId);

  @AfterEach
  void forgetLog() {
    ScriptedUnboundedSource.forget(runId);
  }

  private static Pipeline pipeline(String... extra) {
    String[] args = IntStream.range(0, extra.length + 2).mapToObj(i -> i == 0
        ? "--directReadBundleSize=5" : i == 1 ? "--directReadBundleTime=30s" : extra[i - 2])
        .toArray(String[]::new);
    return Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
  }

  private static List<String> elements(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "e" + i).toList();
  }

  @Test
  void eachMarkIsFinalizedAfterTheElementsBeforeItWereProcessedAndCommitted() {
    Pipeline p = pipeline("--blockOnRun=false");
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            script(List.of(gate("go")), numbered("e", 20, T), List.of(end())))))
        .apply("Record", ParDo.of(new RecordFn(runId)));

    PipelineResult result = p.run();
    // Only now can a mark see the run's committed metrics: the split waits for this gate.
    log.committedProbe = () -> RecordFn.committed(result);
    log.open("go");

    assertThat(result.waitUntilFinish(DEADLINE)).isEqualTo(PipelineResult.State.DONE);
    List<Finalization> marks = log.finalizations().stream().filter(f -> f.read() > 0).toList();
    assertThat(marks).as("marks finalized after the gate opened").isNotEmpty();
    assertThat(marks).extracting(Finalization::read).as("finalized in order, up to the last")
        .isSorted().contains(20L);
    for (Finalization mark : marks) {
      assertThat(mark.processedBefore()).as("processed before the mark after %s elements",
          mark.read()).containsAll(elements(1, (int) mark.read()));
      assertThat(mark.committedBefore()).as("committed count when the mark after %s elements"
          + " was finalized", mark.read()).isGreaterThanOrEqualTo(mark.read());
    }
  }

  @Test
  void noMarkIsFinalizedForABundleWhoseReaderFailed() {
    Pipeline p = pipeline();
    // Bundles e1-e5, e6-e10, e11-e15, e16-e20; the fifth fails reading after e22.
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            script(numbered("e", 22, T), List.of(failRead("disk on fire"))))))
        .apply("Record", ParDo.of(new RecordFn(runId)));

    Pipeline.PipelineExecutionException failure = assertTimeoutPreemptively(DEADLINE,
        () -> catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run));

    assertThat(failure).as("the run fails").isNotNull();
    assertThat(failure).hasRootCauseMessage("disk on fire");
    assertThat(log.finalizations()).extracting(Finalization::read)
        .as("marks of the bundles that committed, none of the failed one")
        .containsExactly(5L, 10L, 15L, 20L);
    assertThat(log.readersClosed.get()).as("readers closed after the failure")
        .isEqualTo(log.readersCreated.get()).isPositive();
  }

  @Test
  void noMarkIsFinalizedForABundleWhoseDownstreamDoFnFailed() {
    Pipeline p = pipeline();
    p.apply(Read.from(ScriptedUnboundedSource.of(runId,
            script(numbered("e", 30, T), List.of(end())))))
        .apply("Record", ParDo.of(new RecordFn(runId, "e13")));

    Pipeline.PipelineExecutionException failure = assertTimeoutPreemptively(DEADLINE,
        () -> catchThrowableOfType(Pipeline.PipelineExecutionException.class, p::run));

    assertThat(failure).as("the run fails").isNotNull();
    assertThat(failure.getMessage()).contains("Record");
    assertThat(log.processed()).as("the failed bundle got as far as e12")
        .containsExactlyElementsOf(elements(1, 12));
    assertThat(log.finalizations()).extracting(Finalization::read)
        .as("marks of the bundles that committed, none of the failed one e11-e15")
        .containsExactly(5L, 10L);
    assertThat(log.readersClosed.get()).as("readers closed after the failure")
        .isEqualTo(log.readersCreated.get()).isPositive();
  }

  @Test
  void aBoundedReadOfAnUnboundedSourceFinalizesItsLastMarkAndClosesItsReaders() {
    Pipeline p = pipeline();
    p.apply(Read.from(ScriptedUnboundedSource.of(runId, script(numbered("e", 50, T))))
            .withMaxNumRecords(12))
        .apply("Record", ParDo.of(new RecordFn(runId)));

    assertTimeoutPreemptively(DEADLINE, () -> p.run().waitUntilFinish());

    assertThat(log.processed()).containsExactlyElementsOf(elements(1, 12));
    assertThat(log.finalizations()).extracting(Finalization::read).as("every bundle's mark")
        .containsExactly(5L, 10L, 12L);
    assertThat(log.readersClosed.get()).isEqualTo(log.readersCreated.get()).isPositive();
  }
}
