package io.runnel.runners.core;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.KV;
import io.runnel.sdk.values.TupleTag;
import io.runnel.windowing.BoundedWindow;
import java.time.Instant;

/**
 * The {@code OnTimerContext} and {@code OnWindowExpirationContext} of a {@link
 * StatefulDoFnRunner}: outputs go through its {@link DoFnRunner}, stamped with the current call's
 * timestamp (the timer's output timestamp, or the window's max timestamp) in its window.
 */
final class KeyedContexts<K, V, OutputT> {
  private final DoFn<KV<K, V>, OutputT> fn;
  private final DoFnRunner<KV<K, V>, OutputT> runner;
  private final StatefulDoFnRunner<K, V, OutputT> stateful;

  KeyedContexts(DoFn<KV<K, V>, OutputT> fn,
      DoFnRunner<KV<K, V>, OutputT> runner,
      StatefulDoFnRunner<K, V, OutputT> stateful) {
    this.fn = fn;
    this.runner = runner;
    this.stateful = stateful;
  }

  DoFn<KV<K, V>, OutputT>.OnTimerContext onTimer() {
    return fn.new OnTimerContext() {
      @Override
      public Instant timestamp() {
        return runner.timestamp();
      }

      @Override
      public Instant fireTimestamp() {
        return stateful.firing().fireTime();
      }

      @Override
      public BoundedWindow window() {
        return runner.window();
      }

      @Override
      public TimeDomain timeDomain() {
        return stateful.firing().domain();
      }

      @Override
      public PipelineOptions getPipelineOptions() {
        return runner.pipelineOptions();
      }

      @Override
      public void output(OutputT output) {
        runner.output(runner.mainOutputTag(), output);
      }

      @Override
      public void outputWithTimestamp(OutputT output, Instant timestamp) {
        runner.outputWithTimestamp(runner.mainOutputTag(), output, timestamp);
      }

      @Override
      public <T> void output(TupleTag<T> tag, T output) {
        runner.output(tag, output);
      }

      @Override
      public <T> void outputWithTimestamp(TupleTag<T> tag, T output, Instant timestamp) {
        runner.outputWithTimestamp(tag, output, timestamp);
      }
    };
  }

  DoFn<KV<K, V>, OutputT>.OnWindowExpirationContext onWindowExpiration() {
    return fn.new OnWindowExpirationContext() {
      @Override
      public BoundedWindow window() {
        return runner.window();
      }

      @Override
      public PipelineOptions getPipelineOptions() {
        return runner.pipelineOptions();
      }

      @Override
      public void output(OutputT output) {
        runner.output(runner.mainOutputTag(), output);
      }

      @Override
      public void outputWithTimestamp(OutputT output, Instant timestamp) {
        runner.outputWithTimestamp(runner.mainOutputTag(), output, timestamp);
      }

      @Override
      public <T> void output(TupleTag<T> tag, T output) {
        runner.output(tag, output);
      }

      @Override
      public <T> void outputWithTimestamp(TupleTag<T> tag, T output, Instant timestamp) {
        runner.outputWithTimestamp(tag, output, timestamp);
      }
    };
  }
}
