package io.runnel.runners.core;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TupleTag;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The context and receiver objects a {@link DoFnRunner} hands to user code, made once per runner. */
final class DoFnContexts<InputT, OutputT> {
  private final DoFnRunner<InputT, OutputT> runner;
  private final DoFn<InputT, OutputT>.ProcessContext processContext;
  private final DoFn<InputT, OutputT>.StartBundleContext startBundleContext;
  private final DoFn<InputT, OutputT>.FinishBundleContext finishBundleContext;
  private final DoFn.OutputReceiver<OutputT> mainReceiver;
  private final Map<TupleTag<?>, DoFn.OutputReceiver<?>> taggedReceivers = new HashMap<>();
  private final DoFn.MultiOutputReceiver multiReceiver;

  DoFnContexts(DoFnRunner<InputT, OutputT> runner, DoFn<InputT, OutputT> fn) {
    this.runner = runner;
    this.mainReceiver = receiver(runner.mainOutputTag());
    this.multiReceiver = new DoFn.MultiOutputReceiver() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> DoFn.OutputReceiver<T> get(TupleTag<T> tag) {
        return (DoFn.OutputReceiver<T>) taggedReceivers.computeIfAbsent(tag, t -> receiver(tag));
      }
    };
    this.processContext = fn.new ProcessContext() {
      @Override
      public InputT element() {
        return runner.element();
      }

      @Override
      public <T> T sideInput(PCollectionView<T> view) {
        return runner.sideInput(view);
      }

      @Override
      public Instant timestamp() {
        return runner.timestamp();
      }

      @Override
      public PaneInfo pane() {
        return runner.paneInfo();
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
    this.startBundleContext = fn.new StartBundleContext() {
      @Override
      public PipelineOptions getPipelineOptions() {
        return runner.pipelineOptions();
      }
    };
    this.finishBundleContext = fn.new FinishBundleContext() {
      @Override
      public PipelineOptions getPipelineOptions() {
        return runner.pipelineOptions();
      }

      @Override
      public void output(OutputT output, Instant timestamp, BoundedWindow window) {
        runner.outputWindowed(runner.mainOutputTag(), output, timestamp, window);
      }

      @Override
      public <T> void output(TupleTag<T> tag, T output, Instant timestamp, BoundedWindow window) {
        runner.outputWindowed(tag, output, timestamp, window);
      }
    };
  }

  private <T> DoFn.OutputReceiver<T> receiver(TupleTag<T> tag) {
    return new DoFn.OutputReceiver<T>() {
      @Override
      public void output(T value) {
        runner.output(tag, value);
      }

      @Override
      public void outputWithTimestamp(T value, Instant timestamp) {
        runner.outputWithTimestamp(tag, value, timestamp);
      }
    };
  }

  DoFn.OutputReceiver<OutputT> mainReceiver() {
    return mainReceiver;
  }

  DoFn.MultiOutputReceiver multiReceiver() {
    return multiReceiver;
  }

  DoFn<InputT, OutputT>.ProcessContext processContext() {
    return processContext;
  }

  DoFn<InputT, OutputT>.StartBundleContext startBundleContext() {
    return startBundleContext;
  }

  DoFn<InputT, OutputT>.FinishBundleContext finishBundleContext() {
    return finishBundleContext;
  }
}
