package io.runnel.runners.core.execution;

import io.runnel.runners.core.BundleCallback;
import io.runnel.runners.core.DoFnRunner;
import io.runnel.runners.core.OutputManager;
import io.runnel.runners.core.SideInputReader;
import io.runnel.runners.core.UserCodeException;
import io.runnel.runners.core.WindowedValue;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.metrics.MetricsContainer;
import io.runnel.sdk.metrics.MetricsEnvironment;
import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of a ParDo inside a fused chain: its own copy of the DoFn, the receivers of its
 * outputs, and the element checks. Owned by one thread at a time.
 */
final class ParDoExecutor implements Receiver, OutputManager {
  private final Step.ParDoStep step;
  private final DoFnRunner<Object, Object> runner;
  private final Map<TupleTag<?>, Receiver> receivers;
  private final TransformChecks checks;
  private boolean setUp;

  private final MetricsContainer metrics;

  @SuppressWarnings("unchecked")
  ParDoExecutor(Step.ParDoStep step, PipelineOptions options, SideInputReader sideInputs,
      Map<TupleTag<?>, Receiver> receivers, TransformChecks.Factory checks,
      MetricsContainer metrics) {
    this.step = step;
    this.metrics = metrics;
    this.receivers = new HashMap<>(receivers);
    this.checks = checks.forTransform(step.name(), step.input().getCoder(), step.outputs());
    DoFn<Object, Object> fn = (DoFn<Object, Object>) JavaSerialization.clone(
        step.transform().getFn(), "DoFn of " + step.name());
    this.runner = new DoFnRunner<>(fn, options, this, sideInputs, step.transform().getSideInputs(),
        (TupleTag<Object>) step.transform().getMainOutputTag(), step.outputs().keySet());
  }

  String name() {
    return step.name();
  }

  void setup() {
    MetricsContainer previous = MetricsEnvironment.setCurrentContainer(metrics);
    try {
      runner.setup();
      setUp = true;
    } catch (UserCodeException e) {
      throw new TransformFailure(step.name(), "in @Setup of its DoFn", null, e.getCause());
    } finally {
      MetricsEnvironment.setCurrentContainer(previous);
    }
  }

  /** Calls {@code @Teardown} if {@code @Setup} completed; returns the failure, if any. */
  RuntimeException teardown() {
    if (!setUp) {
      return null;
    }
    setUp = false;
    MetricsContainer previous = MetricsEnvironment.setCurrentContainer(metrics);
    try {
      runner.teardown();
      return null;
    } catch (UserCodeException e) {
      return new TransformFailure(step.name(), "in @Teardown of its DoFn", null, e.getCause());
    } finally {
      MetricsEnvironment.setCurrentContainer(previous);
    }
  }

  void startBundle() {
    MetricsContainer previous = MetricsEnvironment.setCurrentContainer(metrics);
    try {
      runner.startBundle();
    } catch (UserCodeException e) {
      throw rethrow(e, "in @StartBundle", null);
    } finally {
      MetricsEnvironment.setCurrentContainer(previous);
    }
  }

  @Override
  public void accept(WindowedValue<?> value) {
    @SuppressWarnings("unchecked")
    WindowedValue<Object> element = (WindowedValue<Object>) value;
    Object token = checks.beforeInput(element.getValue());
    MetricsContainer previous = MetricsEnvironment.setCurrentContainer(metrics);
    try {
      runner.processElement(element);
    } catch (UserCodeException e) {
      throw rethrow(e, "processing", element.getValue());
    } finally {
      MetricsEnvironment.setCurrentContainer(previous);
    }
    checks.afterInput(element.getValue(), token);
  }

  /** What the DoFn asked to run once this bundle is committed; taken once per bundle. */
  List<BundleCallback> takeBundleCallbacks() {
    return runner.takeBundleCallbacks();
  }

  /** Runs callbacks of this transform that waited for their bundle's commit. */
  void runBundleCallbacks(List<BundleCallback> callbacks) {
    runCallbacks(step.name(), metrics, callbacks);
  }

  static void runCallbacks(String transform, MetricsContainer metrics,
      List<BundleCallback> callbacks) {
    MetricsContainer previous = MetricsEnvironment.setCurrentContainer(metrics);
    try {
      java.time.Instant now = java.time.Instant.now();
      for (BundleCallback callback : callbacks) {
        callback.runIfLive(now);
      }
    } catch (UserCodeException e) {
      throw new TransformFailure(transform, "in a BundleFinalizer callback after its bundle"
          + " committed", null, e.getCause());
    } finally {
      MetricsEnvironment.setCurrentContainer(previous);
    }
  }

  void finishBundle() {
    MetricsContainer previous = MetricsEnvironment.setCurrentContainer(metrics);
    try {
      runner.finishBundle();
    } catch (UserCodeException e) {
      throw rethrow(e, "in @FinishBundle", null);
    } finally {
      MetricsEnvironment.setCurrentContainer(previous);
    }
    checks.onFinishBundle();
  }

  @Override
  public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
    checks.onOutput(tag, output.getValue());
    Receiver receiver = receivers.get(tag);
    if (receiver != null) {
      receiver.accept(output);
    }
  }

  private RuntimeException rethrow(UserCodeException e, String what, Object element) {
    if (e.getCause() instanceof TransformFailure failure) {
      return failure;
    }
    return new TransformFailure(step.name(), what, element, e.getCause());
  }
}
