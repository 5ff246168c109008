package io.runnel.sdk.transforms;

import io.runnel.sdk.options.PipelineOptions;
import io.runnel.sdk.state.TimeDomain;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.PaneInfo;
import java.io.Serializable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * The user code of a {@link ParDo}: a serializable object whose annotated methods the runner
 * calls. Exactly one method is annotated {@link ProcessElement}; its parameters are filled by
 * type and annotation: {@code @Element InputT}, {@code @Timestamp Instant}, {@link
 * OutputReceiver}, {@link MultiOutputReceiver}, {@link BoundedWindow}, {@link PaneInfo},
 * {@link ProcessContext}, {@link PipelineOptions}, {@link BundleFinalizer}. Annotate it {@link
 * RequiresStableInput} when its side effects need the same input on replay.
 *
 * <p>A {@code DoFn<KV<K, V>, OutputT>} may be stateful: it declares per-key, per-window state on
 * final {@link StateId} fields holding a {@code StateSpec}, and timers on final {@link TimerId}
 * (or {@link TimerFamily}) fields holding a {@code TimerSpec}; its methods take them as {@code
 * @StateId("id") ValueState<Long>}, {@code @TimerId("id") Timer} or {@code @TimerFamily("id")
 * TimerMap} parameters. Each timer has an {@link OnTimer} method (each family an {@link
 * OnTimerFamily} method), which may also take {@link OnTimerContext}, {@code @Key K}, {@link
 * TimeDomain}, {@code @Timestamp Instant}, the window and receivers. {@link OnWindowExpiration}
 * runs once per key and window when the window expires, before its state is dropped. See
 * {@code io.runnel.sdk.state}.
 *
 * <p>Life cycle, per instance: {@link Setup} once, then for each bundle {@link StartBundle},
 * {@link ProcessElement} per element, {@link FinishBundle}; finally {@link Teardown} (best
 * effort; it runs after failures too). An instance is used by one thread at a time. Elements
 * given to a {@code DoFn} and elements it outputs must not be mutated.
 */
public abstract class DoFn<InputT, OutputT> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Marks the method called for each element. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface ProcessElement {}

  /** Marks a method called before each bundle; may take a {@link StartBundleContext}. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface StartBundle {}

  /** Marks a method called after each bundle; may take a {@link FinishBundleContext}. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface FinishBundle {}

  /** Marks a method called once per instance before any bundle; may take {@link PipelineOptions}. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Setup {}

  /** Marks a method called once when an instance is discarded, also after a failure. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Teardown {}

  /** Marks the parameter that receives the input element. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface Element {}

  /** Marks the {@link Instant} parameter that receives the element's timestamp. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface Timestamp {}

  /** Marks a parameter that receives the side input registered under the given tag id. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface SideInput {
    /** The id of the side input, as given to {@code ParDo.withSideInput(id, view)}. */
    String value();
  }

  /** Declares state (on a final {@code StateSpec} field) or asks for it (on a parameter). */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.PARAMETER})
  public @interface StateId {
    /** The state's id, unique among the {@code DoFn}'s state declarations. */
    String value();
  }

  /**
   * On a {@code @StateId} parameter: the runner reads the state before the call, as if {@code
   * readLater()} had been called. Only for readable state.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface AlwaysFetched {}

  /**
   * Declares a timer (on a final {@code TimerSpec} field) or asks for it (on a {@code Timer}
   * parameter). In an {@link OnTimerFamily} method, on a {@code String} parameter, it receives
   * the id of the firing timer within the family.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.PARAMETER})
  public @interface TimerId {
    /** The timer's id, unique among the {@code DoFn}'s timer declarations. */
    String value() default "";
  }

  /** Declares a timer family (on a final {@code TimerSpec} field) or asks for its {@code TimerMap}. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.PARAMETER})
  public @interface TimerFamily {
    /** The family's id, unique among the {@code DoFn}'s timer family declarations. */
    String value();
  }

  /** Marks the method called when the timer with this id fires. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface OnTimer {
    /** The {@link TimerId} of the timer. */
    String value();
  }

  /** Marks the method called when any timer of the family with this id fires. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface OnTimerFamily {
    /** The {@link TimerFamily} id of the family. */
    String value();
  }

  /**
   * Marks the method called once per key and window of a stateful {@code DoFn} when the window
   * expires (the input watermark passes its {@code maxTimestamp()} plus the allowed lateness),
   * before the window's state is garbage-collected; it can read the state and output.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface OnWindowExpiration {}

  /** Marks the parameter of an {@link OnTimer} or {@link OnWindowExpiration} method receiving the key. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface Key {}

  /**
   * Marks a {@link ProcessElement} method (or an {@link OnTimer}, {@link OnTimerFamily} or {@link
   * OnWindowExpiration} method) whose input must be stable: if the runner replays a bundle after
   * a failure, the method sees exactly the same elements as the first time. Needed by steps
   * with external side effects that must happen exactly once, such as writing to a
   * non-idempotent sink. A runner may have to checkpoint the input first, at some cost.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface RequiresStableInput {}

  /**
   * Registers callbacks to run once the runner has durably committed the output of the current
   * bundle: a parameter of {@link ProcessElement}, {@link StartBundle} and {@link FinishBundle}
   * methods. Use it to acknowledge input to an external system only when its processing can no
   * longer be lost, e.g. to ack messages pulled from a queue.
   *
   * <p>Callbacks are best effort, as in Beam: one runs at most once, only after the bundle was
   * committed, on any thread; it may never run (after a failure, or if the commit takes past
   * its expiry), so the external system must redeliver what was never acknowledged. Not
   * thread-safe: use it from the thread calling the method.
   */
  public interface BundleFinalizer {
    /**
     * Runs {@code callback} once the current bundle is committed, unless that happens after
     * {@code callbackExpiry}, in which case it is dropped.
     *
     * @param callbackExpiry the wall-clock time after which the callback no longer needs to run
     */
    void afterBundleCommit(Instant callbackExpiry, Callback callback);

    /** Work to do after a bundle is committed. */
    @FunctionalInterface
    interface Callback {
      /** Called at most once, after the bundle was durably committed. */
      void onBundleSuccess() throws Exception;
    }
  }

  /** Receives the outputs of one output of a {@code DoFn}. */
  public interface OutputReceiver<T> {
    /** Outputs {@code value} with the input element's timestamp and windows. */
    void output(T value);

    /** Outputs {@code value} with {@code timestamp}, in the input element's windows. */
    void outputWithTimestamp(T value, Instant timestamp);
  }

  /** Receives outputs for any of a multi-output {@code ParDo}'s tags. */
  public interface MultiOutputReceiver {
    /** The receiver of the output under {@code tag}. */
    <T> OutputReceiver<T> get(TupleTag<T> tag);
  }

  /** What a {@link StartBundle} method may read. */
  public abstract class StartBundleContext {
    public abstract PipelineOptions getPipelineOptions();
  }

  /** What a {@link FinishBundle} method may read and output. */
  public abstract class FinishBundleContext {
    public abstract PipelineOptions getPipelineOptions();

    /** Outputs to the main output, with an explicit timestamp and window. */
    public abstract void output(OutputT output, Instant timestamp, BoundedWindow window);

    /** Outputs to {@code tag}, with an explicit timestamp and window. */
    public abstract <T> void output(TupleTag<T> tag, T output, Instant timestamp, BoundedWindow window);
  }

  /** Outputs that keep the current element's window. */
  public abstract class WindowedContext {
    public abstract PipelineOptions getPipelineOptions();

    /** Outputs to the main output with the element's timestamp and windows. */
    public abstract void output(OutputT output);

    /** Outputs to the main output with {@code timestamp}. */
    public abstract void outputWithTimestamp(OutputT output, Instant timestamp);

    /** Outputs to the output under {@code tag}. */
    public abstract <T> void output(TupleTag<T> tag, T output);

    /** Outputs to the output under {@code tag} with {@code timestamp}. */
    public abstract <T> void outputWithTimestamp(TupleTag<T> tag, T output, Instant timestamp);
  }

  /** Beam's all-in-one parameter of a {@link ProcessElement} method. */
  public abstract class ProcessContext extends WindowedContext {
    /** The input element; do not mutate it. */
    public abstract InputT element();

    /** The value of {@code view} in the window of the current element. */
    public abstract <T> T sideInput(PCollectionView<T> view);

    /** The element's timestamp. */
    public abstract Instant timestamp();

    /** The pane the element was emitted in. */
    public abstract PaneInfo pane();
  }

  /** What an {@link OnTimer} or {@link OnTimerFamily} method may read and output. */
  public abstract class OnTimerContext extends WindowedContext {
    /** The output timestamp of the timer: the default timestamp of outputs. */
    public abstract Instant timestamp();

    /** The time the timer was set to fire at, in its time domain. */
    public abstract Instant fireTimestamp();

    /** The window of the timer. */
    public abstract BoundedWindow window();

    /** The time domain of the timer. */
    public abstract TimeDomain timeDomain();
  }

  /** What an {@link OnWindowExpiration} method may read and output. */
  public abstract class OnWindowExpirationContext extends WindowedContext {
    /** The expiring window. */
    public abstract BoundedWindow window();
  }

  /**
   * How far before the input element's timestamp an output may be timestamped. Zero by default:
   * moving a timestamp backwards could make data late that the watermark already passed.
   */
  public java.time.Duration getAllowedTimestampSkew() {
    return java.time.Duration.ZERO;
  }

  /** The input type, resolved from this class's type arguments (may have unresolved parts). */
  @SuppressWarnings("unchecked")
  public TypeDescriptor<InputT> getInputTypeDescriptor() {
    return (TypeDescriptor<InputT>) TypeDescriptor.resolveSupertypeArgument(getClass(), DoFn.class, 0);
  }

  /** The output type, resolved from this class's type arguments (may have unresolved parts). */
  @SuppressWarnings("unchecked")
  public TypeDescriptor<OutputT> getOutputTypeDescriptor() {
    return (TypeDescriptor<OutputT>) TypeDescriptor.resolveSupertypeArgument(getClass(), DoFn.class, 1);
  }
}
