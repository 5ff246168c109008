package io.runnel.runners.core;

import io.runnel.sdk.state.State;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.state.Timer;
import io.runnel.sdk.state.TimerMap;
import io.runnel.sdk.transforms.DoFn;

/**
 * What a stateful runner gives a {@link DoFnRunner} for the call in progress: the state, timers
 * and key of the current key and window, and the firing timer. The methods mirror those of
 * {@link ArgumentProvider}. Owned by the runner's thread.
 */
interface KeyedContext<InputT, OutputT> {
  State state(String id);

  Timer timer(String id);

  TimerMap timerFamily(String id);

  String timerId();

  Object key();

  TimeDomain timeDomain();

  DoFn<InputT, OutputT>.OnTimerContext onTimerContext();

  DoFn<InputT, OutputT>.OnWindowExpirationContext onWindowExpirationContext();
}
