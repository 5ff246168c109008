package io.runnel.runners.direct;

import static io.runnel.runners.direct.ScriptedUnboundedSource.forever;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.runnel.runners.direct.ScriptedUnboundedSource.RunLog;
import io.runnel.sdk.Pipeline;
import io.runnel.sdk.PipelineResult;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.options.PipelineOptionsFactory;
import io.runnel.sdk.transforms.Create;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.ParDo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --blockOnRun=false}: {@code run()} returns at once and the pipeline runs on a thread of
 * its own; {@code waitUntilFinish(d)} returns {@code RUNNING} at its deadline, {@code cancel()}
 * stops the run (its DoFns torn down, its readers closed, nothing processed afterwards) and
 * returns {@code CANCELLED}, and a failure surfaces from {@code waitUntilFinish}.
 */
class NonBlockingRunOnDirectRunnerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(8);

  private final String runId = UUID.randomUUID().toString();
  private final RunLog log = ScriptedUnboundedSource.log(runId);

  @AfterEach
  void forgetLog() {
    ScriptedUnboundedSource.forget(runId);
  }

  private static Pipeline pipeline(String... args) {
    return Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
  }

  /** An endless source: an element per poll, a second of event time apart. */
  private ScriptedUnboundedSource endless() {
    return ScriptedUnboundedSource.of(runId,
        List.of(forever("x", Instant.EPOCH, Duration.ofSeconds(1), true)));
  }

  /** Records elements, counts its life cycle, and notes any element processed after teardown. */
  static final class LifecycleFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private boolean tornDown;

    LifecycleFn(String runId) {
      this.runId = runId;
    }

    @Setup
    public void setup() {
      ScriptedUnboundedSource.log(runId).setups.incrementAndGet();
    }

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      ScriptedUnboundedSource.log(runId).processed(tornDown ? "after teardown: " + element
          : element);
      out.output(element);
    }

    @Teardown
    public void teardown() {
      tornDown = true;
      ScriptedUnboundedSource.log(runId).teardowns.incrementAndGet();
    }
  }

  @Test
  void runReturnsAtOnceAndWaitUntilFinishReturnsRunningAtItsDeadline() {
    Pipeline p = pipeline("--blockOnRun=false");
    p.apply(Read.from(endless())).apply(ParDo.of(new LifecycleFn(runId)));

    PipelineResult result = assertTimeoutPreemptively(DEADLINE, () -> p.run());
    try {
      assertThat(result.getState()).isEqualTo(PipelineResult.State.RUNNING);
      long start = System.nanoTime();
      PipelineResult.State state = result.waitUntilFinish(Duration.ofMillis(300));
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(state).isEqualTo(PipelineResult.State.RUNNING);
      assertThat(waitedMillis).as("waited until the deadline").isGreaterThanOrEqualTo(290);
      Await.until("the run processes elements meanwhile", DEADLINE,
          () -> log.processed().size() >= 3);
    } finally {
      result.cancel();
    }
  }

  @Test
  void cancelStopsTheRunTearsDownItsDoFnsAndClosesItsReaders() {
    Pipeline p = pipeline("--blockOnRun=false");
    p.apply(Read.from(endless())).apply(ParDo.of(new LifecycleFn(runId)));
    PipelineResult result = p.run();
    Await.until("the run processes elements", DEADLINE, () -> log.processed().size() >= 3);

    PipelineResult.State state = assertTimeoutPreemptively(DEADLINE, result::cancel);

    assertThat(state).isEqualTo(PipelineResult.State.CANCELLED);
    assertThat(result.getState()).isEqualTo(PipelineResult.State.CANCELLED);
    assertThat(result.waitUntilFinish(Duration.ofMillis(1)))
        .isEqualTo(PipelineResult.State.CANCELLED);
    assertThat(log.teardowns.get()).as("DoFns torn down").isEqualTo(log.setups.get())
        .isPositive();
    assertThat(log.readersClosed.get()).as("readers closed").isEqualTo(log.readersCreated.get())
        .isPositive();
    int processedAtCancel = log.processed().size();
    assertThat(Await.holdsWithin(Duration.ofMillis(300),
        () -> log.processed().size() > processedAtCancel))
        .as("an element processed after cancel() returned").isFalse();
    assertThat(log.processed()).noneMatch(e -> e.startsWith("after teardown"));
  }

  @Test
  void aFailureSurfacesFromWaitUntilFinish() {
    Pipeline p = pipeline("--blockOnRun=false");
    p.apply(Read.from(endless())).apply("Record", ParDo.of(new RecordFn(runId, "x3")));

    PipelineResult result = assertTimeoutPreemptively(DEADLINE, () -> p.run());
    Pipeline.PipelineExecutionException failure = assertTimeoutPreemptively(DEADLINE,
        () -> catchThrowableOfType(Pipeline.PipelineExecutionException.class,
            () -> result.waitUntilFinish(DEADLINE)));

    assertThat(failure).as("waitUntilFinish throws the failure").isNotNull();
    assertThat(failure.getMessage()).contains("Record").contains("x3");
    assertThat(failure).hasRootCauseMessage("RecordFn fails on x3, as the test asked");
    assertThat(result.getState()).isEqualTo(PipelineResult.State.FAILED);
    assertThat(catchThrowableOfType(Pipeline.PipelineExecutionException.class,
        result::waitUntilFinish)).as("and again when asked again").isSameAs(failure);
    assertThat(log.processed()).containsExactly("x0", "x1", "x2");
  }

  @Test
  void aBoundedRunFinishesOnItsOwnAndCancellingItAfterwardsKeepsItDone() {
    Pipeline p = pipeline("--blockOnRun=false");
    p.apply(Create.of("a", "b", "c")).apply(ParDo.of(new LifecycleFn(runId)));

    PipelineResult result = p.run();

    assertThat(result.waitUntilFinish(DEADLINE)).isEqualTo(PipelineResult.State.DONE);
    assertThat(result.cancel()).isEqualTo(PipelineResult.State.DONE);
    assertThat(log.processed()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(log.teardowns.get()).isEqualTo(log.setups.get()).isPositive();
  }

  @Test
  void aBlockingRunOfAnUnboundedSourceThatEndsReturnsDone() {
    Pipeline p = pipeline();
    p.apply(Read.from(ScriptedUnboundedSource.of(runId, List.of(
            ScriptedUnboundedSource.emit("only", Instant.EPOCH), ScriptedUnboundedSource.end()))))
        .apply(ParDo.of(new LifecycleFn(runId)));

    PipelineResult result = assertTimeoutPreemptively(DEADLINE, () -> p.run());

    assertThat(result.getState()).isEqualTo(PipelineResult.State.DONE);
    assertThat(log.processed()).containsExactly("only");
  }
}
