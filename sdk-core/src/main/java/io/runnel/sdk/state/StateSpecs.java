package io.runnel.sdk.state;

import io.runnel.sdk.coders.CannotProvideCoderException;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.transforms.Combine.CombineFn;
import java.util.Arrays;
import java.util.Objects;

/**
 * Factories of {@link StateSpec}s, for final {@code @StateId} fields of a {@code DoFn}:
 *
 * <pre>{@code
 * @StateId("count")
 * private final StateSpec<ValueState<Long>> count = StateSpecs.value();
 * }</pre>
 *
 * <p>The methods without a coder infer it when the {@code ParDo} is applied, from the field's
 * type and the pipeline's {@code CoderRegistry}; give the coder explicitly when inference cannot
 * (a generic {@code DoFn}, a type with no registered coder), or to choose a different one.
 */
public final class StateSpecs {
  private StateSpecs() {}

  /** A {@link ValueState} whose coder is inferred from the field's type. */
  public static <T> StateSpec<ValueState<T>> value() {
    return new ValueSpec<>(null);
  }

  /** A {@link ValueState} stored with {@code valueCoder}. */
  public static <T> StateSpec<ValueState<T>> value(Coder<T> valueCoder) {
    return new ValueSpec<>(Objects.requireNonNull(valueCoder, "valueCoder"));
  }

  /** A {@link BagState} whose element coder is inferred from the field's type. */
  public static <T> StateSpec<BagState<T>> bag() {
    return new BagSpec<>(null);
  }

  /** A {@link BagState} stored with {@code elemCoder}. */
  public static <T> StateSpec<BagState<T>> bag(Coder<T> elemCoder) {
    return new BagSpec<>(Objects.requireNonNull(elemCoder, "elemCoder"));
  }

  /** A {@link SetState} whose element coder is inferred from the field's type. */
  public static <T> StateSpec<SetState<T>> set() {
    return new SetSpec<>(null);
  }

  /** A {@link SetState} stored with {@code elemCoder}, which must be deterministic. */
  public static <T> StateSpec<SetState<T>> set(Coder<T> elemCoder) {
    return new SetSpec<>(Objects.requireNonNull(elemCoder, "elemCoder"));
  }

  /** A {@link MapState} whose key and value coders are inferred from the field's type. */
  public static <K, V> StateSpec<MapState<K, V>> map() {
    return new MapSpec<>(null, null);
  }

  /** A {@link MapState} stored with these coders; {@code keyCoder} must be deterministic. */
  public static <K, V> StateSpec<MapState<K, V>> map(Coder<K> keyCoder, Coder<V> valueCoder) {
    return new MapSpec<>(Objects.requireNonNull(keyCoder, "keyCoder"),
        Objects.requireNonNull(valueCoder, "valueCoder"));
  }

  /** An {@link OrderedListState} stored with {@code elemCoder}. */
  public static <T> StateSpec<OrderedListState<T>> orderedList(Coder<T> elemCoder) {
    return new OrderedListSpec<>(Objects.requireNonNull(elemCoder, "elemCoder"));
  }

  /**
   * A {@link CombiningState} combining with {@code combineFn}; the accumulator coder comes from
   * the field's type or, failing that, from {@code combineFn.getAccumulatorCoder}.
   */
  public static <InputT, AccumT, OutputT> StateSpec<CombiningState<InputT, AccumT, OutputT>>
      combining(CombineFn<InputT, AccumT, OutputT> combineFn) {
    return new CombiningSpec<>(null, Objects.requireNonNull(combineFn, "combineFn"));
  }

  /** A {@link CombiningState} combining with {@code combineFn}, storing accumulators with {@code accumCoder}. */
  public static <InputT, AccumT, OutputT> StateSpec<CombiningState<InputT, AccumT, OutputT>>
      combining(Coder<AccumT> accumCoder, CombineFn<InputT, AccumT, OutputT> combineFn) {
    return new CombiningSpec<>(Objects.requireNonNull(accumCoder, "accumCoder"),
        Objects.requireNonNull(combineFn, "combineFn"));
  }

  /**
   * A spec storing with one coder per type argument of its state type; the slots in {@code
   * required} must be known when the spec is finished.
   */
  private abstract static class CodedSpec<StateT extends State> implements StateSpec<StateT> {
    private static final long serialVersionUID = 1L;
    final Coder<?>[] coders;
    private final String kind;
    private final String explicitCall;
    private final int[] required;

    CodedSpec(String kind, String explicitCall, int[] required, Coder<?>... coders) {
      this.kind = kind;
      this.explicitCall = explicitCall;
      this.required = required;
      this.coders = coders;
    }

    @Override
    public void offerCoders(Coder[] offered) {
      Objects.requireNonNull(offered, "coders");
      for (int i = 0; i < coders.length && i < offered.length; i++) {
        if (coders[i] == null) {
          coders[i] = offered[i];
        }
      }
    }

    @Override
    public void finishSpecifying(CoderRegistry registry, String declaredAs) {
      if (!isFinished()) {
        throw new IllegalArgumentException("Unable to infer a coder for " + kind + " of "
            + declaredAs + "; use " + explicitCall + ", or register a coder for the type in the"
            + " pipeline's CoderRegistry");
      }
    }

    boolean isFinished() {
      return Arrays.stream(required).allMatch(i -> coders[i] != null);
    }

    @SuppressWarnings("unchecked")
    <T> Coder<T> coder(int slot, String id) {
      if (!isFinished()) {
        throw new IllegalStateException("The " + kind + " spec of @StateId(\"" + id + "\") has no"
            + " coder yet; it is bound before the ParDo was applied, or give it with "
            + explicitCall);
      }
      return (Coder<T>) coders[slot];
    }

    @Override
    public String toString() {
      return kind + "Spec" + Arrays.toString(coders);
    }
  }

  private static final class ValueSpec<T> extends CodedSpec<ValueState<T>> {
    private static final long serialVersionUID = 1L;

    ValueSpec(Coder<T> coder) {
      super("ValueState", "StateSpecs.value(coder)", new int[] {0}, coder);
    }

    @Override
    public ValueState<T> bind(String id, StateBinder binder) {
      return binder.bindValue(id, this, coder(0, id));
    }
  }

  private static final class BagSpec<T> extends CodedSpec<BagState<T>> {
    private static final long serialVersionUID = 1L;

    BagSpec(Coder<T> coder) {
      super("BagState", "StateSpecs.bag(elemCoder)", new int[] {0}, coder);
    }

    @Override
    public BagState<T> bind(String id, StateBinder binder) {
      return binder.bindBag(id, this, coder(0, id));
    }
  }

  private static final class SetSpec<T> extends CodedSpec<SetState<T>> {
    private static final long serialVersionUID = 1L;

    SetSpec(Coder<T> coder) {
      super("SetState", "StateSpecs.set(elemCoder)", new int[] {0}, coder);
    }

    @Override
    public SetState<T> bind(String id, StateBinder binder) {
      return binder.bindSet(id, this, coder(0, id));
    }
  }

  private static final class OrderedListSpec<T> extends CodedSpec<OrderedListState<T>> {
    private static final long serialVersionUID = 1L;

    OrderedListSpec(Coder<T> coder) {
      super("OrderedListState", "StateSpecs.orderedList(elemCoder)", new int[] {0}, coder);
    }

    @Override
    public OrderedListState<T> bind(String id, StateBinder binder) {
      return binder.bindOrderedList(id, this, coder(0, id));
    }
  }

  private static final class MapSpec<K, V> extends CodedSpec<MapState<K, V>> {
    private static final long serialVersionUID = 1L;

    MapSpec(Coder<K> keyCoder, Coder<V> valueCoder) {
      super("MapState", "StateSpecs.map(keyCoder, valueCoder)", new int[] {0, 1}, keyCoder,
          valueCoder);
    }

    @Override
    public MapState<K, V> bind(String id, StateBinder binder) {
      return binder.bindMap(id, this, coder(0, id), coder(1, id));
    }
  }

  /** Slots: input, accumulator, output; only the accumulator is stored, so only it is required. */
  private static final class CombiningSpec<InputT, AccumT, OutputT>
      extends CodedSpec<CombiningState<InputT, AccumT, OutputT>> {
    private static final long serialVersionUID = 1L;
    private final CombineFn<InputT, AccumT, OutputT> combineFn;
    private Coder<?> offeredAccum;

    CombiningSpec(Coder<AccumT> accumCoder, CombineFn<InputT, AccumT, OutputT> combineFn) {
      super("CombiningState", "StateSpecs.combining(accumCoder, combineFn)", new int[] {1}, null,
          accumCoder, null);
      this.combineFn = combineFn;
    }

    /**
     * Takes the input and output coders; an offered accumulator coder is only a fallback, since
     * the {@code CombineFn} knows its accumulator best (a registry would pick a generic coder).
     */
    @Override
    public void offerCoders(Coder[] offered) {
      Coder<?> explicitAccum = coders[1];
      super.offerCoders(offered);
      offeredAccum = coders[1];
      coders[1] = explicitAccum;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void finishSpecifying(CoderRegistry registry, String declaredAs) {
      if (coders[1] == null && registry != null) {
        try {
          coders[1] = combineFn.getAccumulatorCoder(registry, (Coder<InputT>) coders[0]);
        } catch (CannotProvideCoderException e) {
          if (offeredAccum == null) {
            throw new IllegalArgumentException("Unable to infer a coder for CombiningState of "
                + declaredAs + " (" + e.getMessage() + "); use StateSpecs.combining(accumCoder,"
                + " combineFn), or override getAccumulatorCoder in the CombineFn", e);
          }
        }
      }
      if (coders[1] == null) {
        coders[1] = offeredAccum;
      }
      super.finishSpecifying(registry, declaredAs);
    }

    @Override
    public CombiningState<InputT, AccumT, OutputT> bind(String id, StateBinder binder) {
      return binder.bindCombining(id, this, coder(1, id), combineFn);
    }
  }
}
