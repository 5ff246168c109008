package io.runnel.runners.core;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.state.State;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerMap;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import java.time.Instant;

/**
 * What a {@link DoFnInvoker} injects into annotated {@code DoFn} methods. One provider serves
 * every call of a runner; methods are called only for parameters the method declares.
 *
 * <p>The state and timer methods have defaults that throw, so a provider for a stateless
 * {@code DoFn} implements none of them; a stateful runner overrides those it supports.
 */
public interface ArgumentProvider<InputT, OutputT> {
  InputT element();

  Instant timestamp();

  BoundedWindow window();

  PaneInfo paneInfo();

  DoFn.OutputReceiver<OutputT> outputReceiver();

  DoFn.MultiOutputReceiver multiOutputReceiver();

  DoFn<InputT, OutputT>.ProcessContext processContext();

  DoFn<InputT, OutputT>.StartBundleContext startBundleContext();

  DoFn<InputT, OutputT>.FinishBundleContext finishBundleContext();

  PipelineOptions pipelineOptions();

  /** Where the function registers callbacks to run after the bundle is committed. */
  DoFn.BundleFinalizer bundleFinalizer();

  /** The side input registered under {@code id}, in the current element's window. */
  Object sideInput(String id);

  /** The state declared as {@code @StateId(id)}, for the current key and window. */
  default State state(String id) {
    throw notAvailable("state(\"" + id + "\")");
  }

  /** The timer declared as {@code @TimerId(id)}, for the current key and window. */
  default Timer timer(String id) {
    throw notAvailable("timer(\"" + id + "\")");
  }

  /** The timer family declared as {@code @TimerFamily(id)}, for the current key and window. */
  default TimerMap timerFamily(String id) {
    throw notAvailable("timerFamily(\"" + id + "\")");
  }

  /** The id, within its family, of the firing timer of an {@code @OnTimerFamily} call. */
  default String timerId() {
    throw notAvailable("timerId()");
  }

  /** The current key, for {@code @Key} parameters. */
  default Object key() {
    throw notAvailable("key()");
  }

  /** The time domain of the firing timer. */
  default TimeDomain timeDomain() {
    throw notAvailable("timeDomain()");
  }

  /** The context of an {@code @OnTimer} or {@code @OnTimerFamily} call. */
  default DoFn<InputT, OutputT>.OnTimerContext onTimerContext() {
    throw notAvailable("onTimerContext()");
  }

  /** The context of an {@code @OnWindowExpiration} call. */
  default DoFn<InputT, OutputT>.OnWindowExpirationContext onWindowExpirationContext() {
    throw notAvailable("onWindowExpirationContext()");
  }

  private static UnsupportedOperationException notAvailable(String what) {
    return new UnsupportedOperationException(what + " is not available here");
  }
}
