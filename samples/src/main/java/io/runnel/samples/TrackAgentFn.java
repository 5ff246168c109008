package io.runnel.samples;

import static io.runnel.samples.LocationTracking.INACTIVITY;
import static io.runnel.samples.LocationTracking.MOVE_METERS;
import static io.runnel.samples.LocationTracking.TRACK_ORDER;
import static io.runnel.samples.LocationTracking.deviationLine;
import static io.runnel.samples.LocationTracking.inactiveLine;
import static io.runnel.samples.LocationTracking.metersBetween;
import static io.runnel.samples.LocationTracking.moveLine;

import io.runnel.sdk.coders.BooleanCoder;
import io.runnel.sdk.coders.VarLongCoder;
import io.runnel.sdk.state.OrderedListState;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.StateSpecs;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.state.TimerSpecs;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TimestampedValue;
import io.runnel.windowing.BoundedWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The per-agent tracker of {@link LocationTracking}'s class javadoc: input keyed by agent id,
 * output one line per movement or alert. Needs the route view as a side input. Instances are
 * used by one thread at a time, as every {@code DoFn}.
 */
final class TrackAgentFn extends DoFn<KV<String, Ping>, String> {
  private static final long serialVersionUID = 1L;
  private final PCollectionView<Map<String, KV<Double, Double>>> route;
  /** How long without a ping, in processing time, before a {@code MISSING} alert. */
  private final Duration missingAfter;

  @StateId("pending")
  private final StateSpec<OrderedListState<Ping>> pendingSpec = StateSpecs.orderedList(Ping.PingCoder.of());
  @StateId("releaseAt")
  private final StateSpec<ValueState<Long>> releaseAtSpec = StateSpecs.value(VarLongCoder.of());
  @StateId("last")
  private final StateSpec<ValueState<Ping>> lastSpec = StateSpecs.value(Ping.PingCoder.of());
  @StateId("anchor")
  private final StateSpec<ValueState<Ping>> anchorSpec = StateSpecs.value(Ping.PingCoder.of());
  @StateId("anchorAlerted")
  private final StateSpec<ValueState<Boolean>> anchorAlertedSpec =
      StateSpecs.value(BooleanCoder.of());
  @TimerId("release")
  private final TimerSpec releaseSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);
  @TimerId("inactivity")
  private final TimerSpec inactivitySpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);
  @TimerId("missing")
  private final TimerSpec missingSpec = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

  TrackAgentFn(PCollectionView<Map<String, KV<Double, Double>>> route, Duration missingAfter) {
    this.route = route;
    this.missingAfter = missingAfter;
  }

  @ProcessElement
  public void process(ProcessContext c, @StateId("pending") OrderedListState<Ping> pending,
      @StateId("releaseAt") ValueState<Long> releaseAt, @TimerId("release") Timer release,
      @TimerId("missing") Timer missing) {
    Ping ping = c.element().getValue();
    String deviation = deviationLine(ping, c.sideInput(route).get(ping.agentId()));
    if (deviation != null) {
      c.output(deviation);
    }
    missing.offset(missingAfter).setRelative();
    pending.add(TimestampedValue.of(ping, ping.eventTime()));
    Long due = releaseAt.read();
    if (due == null || ping.eventTimeMillis() < due) {
      release.set(ping.eventTime());
      releaseAt.write(ping.eventTimeMillis());
    }
  }

  /** Releases the waiting pings up to the firing time, in track order, and re-arms. */
  @OnTimer("release")
  public void onRelease(OnTimerContext c, @StateId("pending") OrderedListState<Ping> pending,
      @StateId("releaseAt") ValueState<Long> releaseAt, @StateId("last") ValueState<Ping> last,
      @StateId("anchor") ValueState<Ping> anchor, @StateId("anchorAlerted") ValueState<Boolean> alerted,
      @TimerId("release") Timer release, @TimerId("inactivity") Timer inactivity) {
    Instant limit = c.fireTimestamp().plusMillis(1);
    List<Ping> due = new ArrayList<>();
    pending.readRange(BoundedWindow.TIMESTAMP_MIN_VALUE, limit).forEach(v -> due.add(v.getValue()));
    pending.clearRange(BoundedWindow.TIMESTAMP_MIN_VALUE, limit);
    due.sort(TRACK_ORDER);
    for (Ping ping : due) {
      track(ping, c::output, last, anchor, alerted, inactivity);
    }
    var next = pending.read().iterator();
    if (next.hasNext()) {
      Instant at = next.next().getTimestamp();
      release.set(at);
      releaseAt.write(at.toEpochMilli());
    } else {
      releaseAt.clear();
    }
  }

  @OnTimer("inactivity")
  public void onInactivity(OutputReceiver<String> out, @StateId("anchor") ValueState<Ping> anchor,
      @StateId("anchorAlerted") ValueState<Boolean> alerted) {
    alertInactive(anchor.read(), alerted, out::output);
  }

  @OnTimer("missing")
  public void onMissing(@Key String agent, OnTimerContext c) {
    c.output("MISSING " + agent + ": no ping for " + missingAfter
        + " of processing time after the ping at " + c.timestamp());
  }

  private static void track(Ping ping, Consumer<String> out, ValueState<Ping> last,
      ValueState<Ping> anchor, ValueState<Boolean> alerted, Timer inactivity) {
    Ping previous = last.read();
    if (previous != null && ping.eventTimeMillis() <= previous.eventTimeMillis()) {
      return;
    }
    Ping currentAnchor = anchor.read();
    // The inactivity timer may tie with this release; the deadline is checked here so that a
    // ping at exactly the deadline cannot reset the anchor before the alert.
    if (currentAnchor != null
        && !ping.eventTime().isBefore(currentAnchor.eventTime().plus(INACTIVITY))) {
      alertInactive(currentAnchor, alerted, out);
    }
    if (previous != null) {
      out.accept(moveLine(previous, ping));
    }
    last.write(ping);
    if (currentAnchor == null || metersBetween(currentAnchor, ping) > MOVE_METERS) {
      anchor.write(ping);
      alerted.write(false);
      inactivity.set(ping.eventTime().plus(INACTIVITY));
    }
  }

  private static void alertInactive(Ping anchor, ValueState<Boolean> alerted,
      Consumer<String> out) {
    if (anchor != null && !Boolean.TRUE.equals(alerted.read())) {
      out.accept(inactiveLine(anchor));
      alerted.write(true);
    }
  }
}
