package io.runnel.sdk.transforms.internal;

import io.runnel.sdk.coders.CannotProvideCoderException;
import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import io.runnel.sdk.state.BagState;
import io.runnel.sdk.state.CombiningState;
import io.runnel.sdk.state.MapState;
import io.runnel.sdk.state.OrderedListState;
import io.runnel.sdk.state.SetState;
import io.runnel.sdk.state.StateBinder;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.ValueState;
import io.runnel.sdk.transforms.Combine.CombineFn;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.internal.DoFnSignature.StateDeclaration;
import io.runnel.sdk.values.TypeDescriptor;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes the {@link StateSpec}s of a {@code DoFn} when its {@code ParDo} is applied: coders
 * not given explicitly are inferred from each {@code @StateId} field's declared type through the
 * pipeline's {@link CoderRegistry}. The specs are completed in place (they travel with the
 * serialized {@code DoFn}), so a runner later binds them with their coders; {@link
 * #resolvedCoders} lets a runner read those coders without binding.
 */
public final class StateCoderInference {
  private StateCoderInference() {}

  /**
   * Offers inferred coders to each state spec of {@code fn} and finishes it.
   *
   * @throws IllegalArgumentException naming the {@code DoFn}, the field, the declared type and
   *     the explicit {@code StateSpecs} call, when a needed coder cannot be inferred
   */
  public static void finishSpecs(DoFn<?, ?> fn, CoderRegistry registry) {
    finishSpecs(fn, registry, null);
  }

  /**
   * As {@link #finishSpecs(DoFn, CoderRegistry)}, knowing the coder of the {@code DoFn}'s input:
   * a state of the input's element type takes the input's coder; other types come from the
   * registry, a type variable of the input ({@code BagState<V>} in a generic {@code DoFn<KV<K,
   * V>, ...>}) bound to the part of the input's coder in its place, as in Beam; and a class the
   * registry cannot code but the input's coder does ({@code ValueState<MyRecord>} in a {@code
   * DoFn<KV<String, MyRecord>, ...>} whose input has a coder set) takes that part of it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void finishSpecs(DoFn<?, ?> fn, CoderRegistry registry, Coder<?> inputCoder) {
    DoFnSignature signature = DoFnSignature.of(fn.getClass());
    TypeDescriptor<?> inputType = fn.getInputTypeDescriptor();
    Map<Type, Coder<?>> inputParts = new java.util.HashMap<>();
    if (inputCoder != null && inputType != null) {
      collectParts(inputType.getType(), inputCoder, inputParts);
    }
    for (StateDeclaration declaration : signature.stateDeclarations().values()) {
      List<Type> arguments = declaration.stateTypeArguments();
      Coder<?>[] offered = new Coder<?>[arguments.size()];
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < offered.length; i++) {
        try {
          if (inputCoder == null || inputType == null) {
            offered[i] = registry.getCoder(TypeDescriptor.of(arguments.get(i)));
          } else if (arguments.get(i).equals(inputType.getType())) {
            offered[i] = inputCoder;
          } else {
            offered[i] = registry.getCoder((TypeDescriptor) TypeDescriptor.of(arguments.get(i)),
                (TypeDescriptor) inputType, (Coder) inputCoder);
          }
        } catch (CannotProvideCoderException e) {
          // A class only the input's coder knows: the part of that coder in its place.
          offered[i] = inputParts.get(arguments.get(i));
          if (offered[i] == null) {
            failures.add(e.getMessage());
          }
        }
      }
      StateSpec<?> spec = declaration.spec(fn);
      spec.offerCoders(offered);
      spec.finishSpecifying(registry, "DoFn " + fn.getClass().getName() + " field '"
          + declaration.field().getName() + "' (" + declaration.stateType()
          + (failures.isEmpty() ? "" : "; " + String.join("; ", failures)) + ")");
    }
  }

  /** Notes the coder of {@code type} and of each of its type arguments the coder's arguments match. */
  private static void collectParts(Type type, Coder<?> coder, Map<Type, Coder<?>> parts) {
    parts.putIfAbsent(type, coder);
    if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
      Type[] arguments = parameterized.getActualTypeArguments();
      List<? extends Coder<?>> coderArguments = coder.getCoderArguments();
      if (coderArguments != null && coderArguments.size() == arguments.length) {
        for (int i = 0; i < arguments.length; i++) {
          collectParts(arguments[i], coderArguments.get(i), parts);
        }
      }
    }
  }

  /**
   * The coders each state of {@code fn} is stored with, by state id, in the order the {@link
   * StateBinder} receives them: {@code [coder]} for value, bag, set and ordered-list state,
   * {@code [keyCoder, valueCoder]} for map state, {@code [accumCoder]} for combining state.
   *
   * @throws IllegalStateException when a spec was not finished (the {@code ParDo} was not applied)
   */
  public static Map<String, List<Coder<?>>> resolvedCoders(DoFn<?, ?> fn) {
    Map<String, List<Coder<?>>> coders = new LinkedHashMap<>();
    CoderRecorder recorder = new CoderRecorder();
    for (StateDeclaration declaration : DoFnSignature.of(fn.getClass()).stateDeclarations().values()) {
      declaration.spec(fn).bind(declaration.id(), recorder);
      coders.put(declaration.id(), List.copyOf(recorder.coders));
      recorder.coders.clear();
    }
    return Collections.unmodifiableMap(coders);
  }

  /** A binder that binds nothing and remembers the coders it was given. */
  private static final class CoderRecorder implements StateBinder {
    final List<Coder<?>> coders = new ArrayList<>();

    @Override
    public <T> ValueState<T> bindValue(String id, StateSpec<ValueState<T>> spec, Coder<T> coder) {
      coders.add(coder);
      return null;
    }

    @Override
    public <T> BagState<T> bindBag(String id, StateSpec<BagState<T>> spec, Coder<T> elemCoder) {
      coders.add(elemCoder);
      return null;
    }

    @Override
    public <T> SetState<T> bindSet(String id, StateSpec<SetState<T>> spec, Coder<T> elemCoder) {
      coders.add(elemCoder);
      return null;
    }

    @Override
    public <K, V> MapState<K, V> bindMap(String id, StateSpec<MapState<K, V>> spec,
        Coder<K> mapKeyCoder, Coder<V> mapValueCoder) {
      coders.add(mapKeyCoder);
      coders.add(mapValueCoder);
      return null;
    }

    @Override
    public <T> OrderedListState<T> bindOrderedList(
        String id, StateSpec<OrderedListState<T>> spec, Coder<T> elemCoder) {
      coders.add(elemCoder);
      return null;
    }

    @Override
    public <InputT, AccumT, OutputT> CombiningState<InputT, AccumT, OutputT> bindCombining(
        String id, StateSpec<CombiningState<InputT, AccumT, OutputT>> spec,
        Coder<AccumT> accumCoder, CombineFn<InputT, AccumT, OutputT> combineFn) {
      coders.add(accumCoder);
      return null;
    }
  }
}
