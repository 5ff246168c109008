package io.runnel.runners.direct.internal;

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
  private static final int RECHECK_THRESHOLD = 4096;
  private static final int KEEP_AFTER_RECHECK = 64;
  private final Step.ParDoStep step;
  private final DoFnRunner<Object, Object> runner;
  private final Map<TupleTag<?>, Receiver> receivers;
  private final Map<TupleTag<?>, PCollection<?>> outputs;
  private final Coder<Object> inputCoder;
  private final ElementChecks checks;
  private final List<Recorded> recorded = new ArrayList<>();
  private boolean setUp;

  private record Recorded(TupleTag<?> tag, Object value, byte[] bytes) {}

  private final MetricsContainer metrics;

  @SuppressWarnings("unchecked")
  ParDoExecutor(Step.ParDoStep step, PipelineOptions options, SideInputReader sideInputs,
      Map<TupleTag<?>, Receiver> receivers, ElementChecks checks, MetricsContainer metrics) {
    this.step = step;
    this.metrics = metrics;
    this.receivers = new HashMap<>(receivers);
    this.outputs = step.outputs();
    this.inputCoder = (Coder<Object>) step.input().getCoder();
    this.checks = checks;
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
    recorded.clear();
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
    byte[] before = checks.immutability ? checks.snapshot(inputCoder, element.getValue()) : null;
    MetricsContainer previous = MetricsEnvironment.setCurrentContainer(metrics);
    try {
      runner.processElement(element);
    } catch (UserCodeException e) {
      throw rethrow(e, "processing", element.getValue());
    } finally {
      MetricsEnvironment.setCurrentContainer(previous);
    }
    if (recorded.size() > RECHECK_THRESHOLD) {
      verifyOutputsUnchanged();
    }
    if (before != null && !checks.unchanged(inputCoder, element.getValue(), before)) {
      throw new TransformFailure("Transform '" + step.name() + "' mutated its input element '"
          + TransformFailure.abbreviate(element.getValue()) + "' in place. DoFns must not change"
          + " their inputs; copy the element before changing it (or turn this check off with"
          + " --enforceImmutability=false)");
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
    verifyOutputsUnchanged();
  }

  /**
   * Checks that outputs recorded so far still encode as they did when output, then forgets all
   * but the latest ones. Called at the end of each bundle and, to bound memory, whenever many
   * outputs are recorded; the latest outputs stay recorded so that an object reused by the next
   * call is still caught.
   */
  private void verifyOutputsUnchanged() {
    for (Recorded output : recorded) {
      @SuppressWarnings("unchecked")
      Coder<Object> coder = (Coder<Object>) outputs.get(output.tag()).getCoder();
      if (!checks.unchanged(coder, output.value(), output.bytes())) {
        throw new TransformFailure("Transform '" + step.name() + "' mutated element '"
            + TransformFailure.abbreviate(output.value()) + "' after outputting it to "
            + outputs.get(output.tag()) + ". Output a new object, or a copy, instead of changing"
            + " one already output (or turn this check off with --enforceImmutability=false)");
      }
    }
    int keep = Math.min(recorded.size(), KEEP_AFTER_RECHECK);
    List<Recorded> latest = new ArrayList<>(recorded.subList(recorded.size() - keep, recorded.size()));
    recorded.clear();
    recorded.addAll(latest);
  }

  @Override
  public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
    if (checks.any()) {
      @SuppressWarnings("unchecked")
      Coder<T> coder = (Coder<T>) outputs.get(tag).getCoder();
      byte[] bytes = checks.checkOutput(step.name(), outputs.get(tag), coder, output.getValue());
      if (checks.immutability) {
        recorded.add(new Recorded(tag, output.getValue(), bytes));
      }
    }
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
