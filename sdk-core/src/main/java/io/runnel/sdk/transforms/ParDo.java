package io.runnel.sdk.transforms;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.KvCoder;
import io.runnel.sdk.internal.JavaSerialization;
import io.runnel.sdk.transforms.internal.DoFnParameter;
import io.runnel.sdk.transforms.internal.DoFnSignature;
import io.runnel.sdk.transforms.internal.StateCoderInference;
import io.runnel.sdk.values.PCollection;
import io.runnel.sdk.values.PCollectionTuple;
import io.runnel.sdk.values.PCollectionView;
import io.runnel.sdk.values.PValue;
import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TupleTagList;
import io.runnel.sdk.values.TypeDescriptor;
import io.runnel.windowing.GlobalWindows;
import io.runnel.windowing.WindowFn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link DoFn} to each element: {@code input.apply(ParDo.of(new MyFn()))}. With
 * {@link SingleOutput#withOutputTags} a {@code DoFn} writes several outputs; with {@link
 * SingleOutput#withSideInputs} it reads side inputs.
 *
 * <p>A stateful {@code DoFn} (one declaring state or timers) is checked when applied: its input
 * must be a {@code PCollection<KV<K, V>>} with a {@link KvCoder} whose key coder is
 * deterministic, timers are rejected in merging windows (sessions), and the coders of its state
 * specs are inferred from their field types through the pipeline's {@code CoderRegistry}.
 */
public final class ParDo {
  private ParDo() {}

  /**
   * A {@code ParDo} of {@code fn}. The function is checked now: its annotated methods and their
   * parameters, and that it serializes.
   */
  public static <InputT, OutputT> SingleOutput<InputT, OutputT> of(DoFn<InputT, OutputT> fn) {
    DoFnSignature.of(fn.getClass());
    JavaSerialization.serialize(fn, "DoFn " + fn.getClass().getName());
    return new SingleOutput<>(fn, Map.of());
  }

  /** A {@code ParDo} with one output. */
  public static final class SingleOutput<InputT, OutputT>
      extends PTransform<PCollection<? extends InputT>, PCollection<OutputT>> {
    private static final long serialVersionUID = 1L;
    private final DoFn<InputT, OutputT> fn;
    private final Map<String, PCollectionView<?>> sideInputs;

    SingleOutput(DoFn<InputT, OutputT> fn, Map<String, PCollectionView<?>> sideInputs) {
      this.fn = fn;
      this.sideInputs = Collections.unmodifiableMap(new LinkedHashMap<>(sideInputs));
    }

    /** This transform reading {@code views} as side inputs. */
    public SingleOutput<InputT, OutputT> withSideInputs(PCollectionView<?>... views) {
      return withSideInputs(List.of(views));
    }

    /** This transform reading {@code views} as side inputs. */
    public SingleOutput<InputT, OutputT> withSideInputs(Iterable<? extends PCollectionView<?>> views) {
      return new SingleOutput<>(fn, ParDo.addSideInputs(sideInputs, views));
    }

    /** This transform reading {@code view} as the side input {@code @SideInput(id)}. */
    public SingleOutput<InputT, OutputT> withSideInput(String id, PCollectionView<?> view) {
      Map<String, PCollectionView<?>> more = new LinkedHashMap<>(sideInputs);
      more.put(id, view);
      return new SingleOutput<>(fn, more);
    }

    /** A multi-output version: {@code mainTag} for {@code output(...)}, others by tag. */
    public MultiOutput<InputT, OutputT> withOutputTags(TupleTag<OutputT> mainTag, TupleTagList others) {
      return new MultiOutput<>(fn, sideInputs, mainTag, others);
    }

    public DoFn<InputT, OutputT> getFn() {
      return fn;
    }

    /** Side inputs by id. */
    public Map<String, PCollectionView<?>> getSideInputs() {
      return sideInputs;
    }

    @Override
    public PCollection<OutputT> expand(PCollection<? extends InputT> input) {
      TupleTag<OutputT> main = new TupleTag<>("output");
      return input.apply("ParMultiDo(" + fnName(fn) + ")",
          new MultiOutput<>(fn, sideInputs, main, TupleTagList.empty())).get(main);
    }

    @Override
    public Map<TupleTag<?>, PValue> getAdditionalInputs() {
      return ParDo.additionalInputs(sideInputs);
    }

    @Override
    protected String getKindString() {
      return "ParDo(" + fnName(fn) + ")";
    }
  }

  /** A {@code ParDo} with a main output and additional tagged outputs. A primitive. */
  public static final class MultiOutput<InputT, OutputT>
      extends PTransform<PCollection<? extends InputT>, PCollectionTuple> {
    private static final long serialVersionUID = 1L;
    private final DoFn<InputT, OutputT> fn;
    private final Map<String, PCollectionView<?>> sideInputs;
    private final TupleTag<OutputT> mainOutputTag;
    private final TupleTagList additionalOutputTags;

    MultiOutput(DoFn<InputT, OutputT> fn, Map<String, PCollectionView<?>> sideInputs,
        TupleTag<OutputT> mainOutputTag, TupleTagList additionalOutputTags) {
      this.fn = fn;
      this.sideInputs = Collections.unmodifiableMap(new LinkedHashMap<>(sideInputs));
      this.mainOutputTag = mainOutputTag;
      this.additionalOutputTags = additionalOutputTags;
      for (TupleTag<?> tag : additionalOutputTags.getAll()) {
        if (tag.equals(mainOutputTag)) {
          throw new IllegalArgumentException("ParDo(" + fnName(fn) + "): the main output tag "
              + tag + " is also among the additional output tags");
        }
      }
    }

    /** This transform reading {@code views} as side inputs. */
    public MultiOutput<InputT, OutputT> withSideInputs(PCollectionView<?>... views) {
      return new MultiOutput<>(fn, ParDo.addSideInputs(sideInputs, List.of(views)), mainOutputTag,
          additionalOutputTags);
    }

    /** This transform reading {@code view} as the side input {@code @SideInput(id)}. */
    public MultiOutput<InputT, OutputT> withSideInput(String id, PCollectionView<?> view) {
      Map<String, PCollectionView<?>> more = new LinkedHashMap<>(sideInputs);
      more.put(id, view);
      return new MultiOutput<>(fn, more, mainOutputTag, additionalOutputTags);
    }

    public DoFn<InputT, OutputT> getFn() {
      return fn;
    }

    public Map<String, PCollectionView<?>> getSideInputs() {
      return sideInputs;
    }

    public TupleTag<OutputT> getMainOutputTag() {
      return mainOutputTag;
    }

    public TupleTagList getAdditionalOutputTags() {
      return additionalOutputTags;
    }

    @Override
    public PCollectionTuple expand(PCollection<? extends InputT> input) {
      checkSideInputIds();
      checkSideInputWindows(input);
      checkWindowParameters(input);
      DoFnSignature signature = DoFnSignature.of(fn.getClass());
      if (signature.isStateful()) {
        checkStatefulInput(input, signature);
        StateCoderInference.finishSpecs(fn, input.getPipeline().getCoderRegistry(),
            input.getCoder());
      }
      Map<TupleTag<?>, PCollection<?>> outputs = new LinkedHashMap<>();
      TypeDescriptor<OutputT> outputType = fn.getOutputTypeDescriptor();
      PCollection<OutputT> main = newOutput(input, outputType);
      if (outputType != null && outputType.hasUnresolvedParameters()) {
        // A generic DoFn<T, ...>: T is bound by the input's coder.
        main.setTypeDescriptorFromInputInternal(outputType, fn.getInputTypeDescriptor(), input);
      }
      outputs.put(mainOutputTag, main);
      for (TupleTag<?> tag : additionalOutputTags.getAll()) {
        outputs.put(tag, newOutput(input, tag.getTypeDescriptor()));
      }
      return PCollectionTuple.ofPrimitiveOutputsInternal(input.getPipeline(), outputs);
    }

    @Override
    public Map<TupleTag<?>, PValue> getAdditionalInputs() {
      return ParDo.additionalInputs(sideInputs);
    }

    @Override
    protected String getKindString() {
      return "ParMultiDo(" + fnName(fn) + ")";
    }

    private void checkSideInputIds() {
      DoFnSignature signature = DoFnSignature.of(fn.getClass());
      signature.processElement().parameters().stream()
          .filter(p -> p.sideInputId() != null)
          .forEach(p -> {
            if (!sideInputs.containsKey(p.sideInputId())) {
              throw new IllegalArgumentException("ParDo(" + fnName(fn) + ") reads @SideInput(\""
                  + p.sideInputId() + "\") but no side input has that id; add it with"
                  + " .withSideInput(\"" + p.sideInputId() + "\", view). Known ids: "
                  + sideInputs.keySet());
            }
          });
    }

    /**
     * A method that asks for a window type its input's windows are not (an {@code IntervalWindow}
     * in the global window) fails here, at construction, as Beam's does.
     */
    private void checkWindowParameters(PCollection<?> input) {
      WindowFn<?, ?> windowFn = input.getWindowingStrategy().getWindowFn();
      TypeDescriptor<?> windowType =
          TypeDescriptor.resolveSupertypeArgument(windowFn.getClass(), WindowFn.class, 1);
      if (windowType == null || !(windowType.getType() instanceof Class<?> actual)) {
        return; // a window function whose window type is not known here
      }
      DoFnSignature signature = DoFnSignature.of(fn.getClass());
      List<DoFnSignature.MethodSignature> methods = new ArrayList<>();
      methods.add(signature.processElement());
      methods.addAll(signature.onTimerMethods().values());
      methods.addAll(signature.onTimerFamilyMethods().values());
      if (signature.onWindowExpiration() != null) {
        methods.add(signature.onWindowExpiration());
      }
      for (DoFnSignature.MethodSignature method : methods) {
        Class<?>[] types = method.method().getParameterTypes();
        for (int i = 0; i < method.parameters().size() && i < types.length; i++) {
          if (method.parameters().get(i).kind() == DoFnParameter.Kind.WINDOW
              && !types[i].isAssignableFrom(actual)) {
            throw new IllegalArgumentException("ParDo(" + fnName(fn) + "): method "
                + method.method().getName() + " takes a " + types[i].getSimpleName()
                + ", but its input " + input + " is in " + actual.getSimpleName()
                + " windows (windowed by " + windowFn + "). Window the input first, e.g."
                + " Window.into(FixedWindows.of(...)), or take a BoundedWindow");
          }
        }
      }
    }

    /**
     * An element in the global window cannot read a side input in other windows: no one window
     * of it holds the global window's end. Beam fails at run time; this fails here.
     */
    private void checkSideInputWindows(PCollection<?> input) {
      if (!(input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
        return;
      }
      sideInputs.forEach((id, view) -> {
        WindowFn<?, ?> sideWindowFn =
            view.getPCollection().getWindowingStrategy().getWindowFn();
        if (!(sideWindowFn instanceof GlobalWindows)) {
          throw new IllegalArgumentException("ParDo(" + fnName(fn) + ") reads side input '" + id
              + "' (" + view.getPCollection() + ", windowed by " + sideWindowFn + ") from "
              + input + ", which is in the global window: no one window of the side input"
              + " matches it. Window " + input + " with Window.into(...) too, or window the"
              + " side input into the global window");
        }
      });
    }

    private void checkStatefulInput(PCollection<?> input, DoFnSignature signature) {
      String fnClass = fn.getClass().getName();
      Coder<?> coder = input.getCoder();
      if (!(coder instanceof KvCoder<?, ?> kvCoder)) {
        throw new IllegalArgumentException("Stateful DoFn " + fnClass + " ("
            + firstDeclaration(signature) + ") needs a keyed input PCollection<KV<K, V>>; its"
            + " input " + input + " has coder " + coder + ". State and timers are per key: key"
            + " the input first, e.g. with WithKeys.of(...), and give it a KvCoder");
      }
      try {
        kvCoder.getKeyCoder().verifyDeterministic();
      } catch (Coder.NonDeterministicException e) {
        throw new IllegalArgumentException("Stateful DoFn " + fnClass + " cannot keep state by"
            + " keys of " + input + " encoded with " + kvCoder.getKeyCoder() + ": "
            + e.getMessage() + ". Keys are compared by their encoding; set a deterministic key"
            + " coder with .setCoder(KvCoder.of(...)) on " + input + " (e.g. StringUtf8Coder,"
            + " VarLongCoder, or a deterministic custom coder)", e);
      }
      if (signature.usesTimers() && !input.getWindowingStrategy().getWindowFn().isNonMerging()) {
        throw new IllegalArgumentException("Stateful DoFn " + fnClass + " uses "
            + firstTimer(signature) + ", but its input " + input + " is windowed with "
            + input.getWindowingStrategy().getWindowFn().getClass().getSimpleName()
            + ", which merges windows: timers are not supported in merging windows. Window the"
            + " input into non-merging windows (e.g. FixedWindows) before this ParDo, or track"
            + " the session in state without timers");
      }
    }

    private static String firstDeclaration(DoFnSignature signature) {
      return signature.stateDeclarations().values().stream()
          .map(d -> "state '" + d.id() + "' in field '" + d.field().getName() + "'")
          .findFirst()
          .orElseGet(() -> signature.usesTimers() ? firstTimer(signature)
              : "@OnWindowExpiration method " + signature.onWindowExpiration().method().getName());
    }

    private static String firstTimer(DoFnSignature signature) {
      return signature.timerDeclarations().values().stream()
          .map(d -> "timer '" + d.id() + "' in field '" + d.field().getName() + "'")
          .findFirst()
          .orElseGet(() -> signature.timerFamilyDeclarations().values().stream()
              .map(d -> "timer family '" + d.id() + "' in field '" + d.field().getName() + "'")
              .findFirst().orElseThrow());
    }

    private static <T> PCollection<T> newOutput(PCollection<?> input, TypeDescriptor<T> type) {
      PCollection<T> output = PCollection.createPrimitiveOutputInternal(input.getPipeline(),
          input.getWindowingStrategy(), input.isBounded(), null);
      if (type != null && !type.hasUnresolvedParameters()) {
        output.setTypeDescriptor(type);
      }
      return output;
    }
  }

  private static Map<String, PCollectionView<?>> addSideInputs(
      Map<String, PCollectionView<?>> existing, Iterable<? extends PCollectionView<?>> views) {
    Map<String, PCollectionView<?>> more = new LinkedHashMap<>(existing);
    for (PCollectionView<?> view : views) {
      more.put(view.getTagInternal().getId(), view);
    }
    return more;
  }

  private static Map<TupleTag<?>, PValue> additionalInputs(Map<String, PCollectionView<?>> sideInputs) {
    Map<TupleTag<?>, PValue> inputs = new LinkedHashMap<>();
    for (PCollectionView<?> view : sideInputs.values()) {
      inputs.put(view.getTagInternal(), view);
    }
    return inputs;
  }

  /** The short name of a function's class, for transform names. */
  static String fnName(Object fn) {
    Class<?> kls = fn.getClass();
    String name = kls.getSimpleName();
    if (name.isEmpty() || kls.isSynthetic()) {
      String full = kls.getName();
      name = full.substring(full.lastIndexOf('.') + 1);
      int lambda = name.indexOf("$$Lambda");
      if (lambda >= 0) {
        name = name.substring(0, lambda);
      }
      name = name.replace('$', '.');
    }
    return name;
  }

  static List<PCollectionView<?>> views(Map<String, PCollectionView<?>> sideInputs) {
    return new ArrayList<>(sideInputs.values());
  }
}
