package io.runnel.sdk.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.coders.InstantCoder;
import io.runnel.sdk.io.Read;
import io.runnel.sdk.io.UnboundedSource;
import io.runnel.sdk.runners.PipelineVisitor;
import io.runnel.sdk.runners.TransformNode;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.GlobalWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PeriodicImpulse as a transform: its output and its checks. Its reader has its own test. */
class PeriodicImpulseTest {
  private static final Instant EPOCH_PLUS_MINUTE = Instant.parse("1970-01-01T00:01:00Z");

  @Test
  void outputIsAnUnboundedCollectionOfInstantsInTheGlobalWindow() {
    Pipeline p = Pipeline.create();

    PCollection<Instant> ticks = p.apply(PeriodicImpulse.create());

    assertThat(ticks.isBounded()).isEqualTo(PCollection.IsBounded.UNBOUNDED);
    assertThat(ticks.getCoder()).isEqualTo(InstantCoder.of());
    assertThat(ticks.getWindowingStrategy().getWindowFn()).isInstanceOf(GlobalWindows.class);
  }

  @Test
  void applyWindowingPutsTheOutputIntoFixedWindowsOfTheInterval() {
    Pipeline p = Pipeline.create();

    PCollection<Instant> ticks = p.apply(PeriodicImpulse.create()
        .withInterval(Duration.ofSeconds(30)).applyWindowing());

    assertThat(ticks.getWindowingStrategy().getWindowFn())
        .isEqualTo(FixedWindows.of(Duration.ofSeconds(30)));
  }

  @Test
  void readsTheConfiguredInstants() throws Exception {
    Pipeline p = Pipeline.create();
    // All in the past, so the system clock has reached every instant.
    p.apply(PeriodicImpulse.create().startAt(Instant.EPOCH).stopAt(EPOCH_PLUS_MINUTE)
        .withInterval(Duration.ofSeconds(20)));

    UnboundedSource<?, ?> source = readOf(p).getSource();
    UnboundedSource.UnboundedReader<?> reader = source.createReader(p.getOptions(), null);
    List<Object> read = new ArrayList<>();
    for (boolean more = reader.start(); more; more = reader.advance()) {
      read.add(reader.getCurrent());
    }

    assertThat(read).containsExactly(Instant.EPOCH, Instant.parse("1970-01-01T00:00:20Z"),
        Instant.parse("1970-01-01T00:00:40Z"), EPOCH_PLUS_MINUTE);
  }

  @Test
  void eachSettingReturnsANewTransform() {
    PeriodicImpulse base = PeriodicImpulse.create().startAt(Instant.EPOCH);
    base.stopAt(Instant.EPOCH).applyWindowing();

    Pipeline p = Pipeline.create();
    PCollection<Instant> ticks = p.apply(base.stopAt(EPOCH_PLUS_MINUTE));

    assertThat(ticks.getWindowingStrategy().getWindowFn()).isInstanceOf(GlobalWindows.class);
  }

  @Test
  void stopBeforeStartIsRejectedWhenApplied() {
    Pipeline p = Pipeline.create();
    PeriodicImpulse impulse = PeriodicImpulse.create().startAt(EPOCH_PLUS_MINUTE)
        .stopAt(Instant.EPOCH);

    assertThatThrownBy(() -> p.apply(impulse))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stops at 1970-01-01T00:00:00Z")
        .hasMessageContaining("starts at 1970-01-01T00:01:00Z");
  }

  @Test
  void intervalShorterThanAMillisecondIsRejected() {
    assertThatThrownBy(() -> PeriodicImpulse.create().withInterval(Duration.ofNanos(999_999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PeriodicImpulse.withInterval(PT0.000999999S)");
    assertThatThrownBy(() -> PeriodicImpulse.create().withInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PeriodicImpulse.withInterval(PT-1S)");
  }

  @Test
  void missingInstantsAreRejected() {
    assertThatThrownBy(() -> PeriodicImpulse.create().startAt(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PeriodicImpulse.startAt(null)");
    assertThatThrownBy(() -> PeriodicImpulse.create().stopAt(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PeriodicImpulse.stopAt(null)");
  }

  private static Read.Unbounded<?> readOf(Pipeline p) {
    List<Read.Unbounded<?>> reads = new ArrayList<>();
    p.traverseTopologically(new PipelineVisitor() {
      @Override
      public void visitPrimitiveTransform(TransformNode node) {
        if (node.getTransform() instanceof Read.Unbounded<?> read) {
          reads.add(read);
        }
      }
    });
    assertThat(reads).hasSize(1);
    return reads.get(0);
  }
}
