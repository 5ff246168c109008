package io.runnel.sdk.state;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderRegistry;
import java.io.Serializable;

/**
 * The declaration of one piece of state, held in a final {@code @StateId} field of a {@code
 * DoFn} and made with {@link StateSpecs}. A spec knows the kind of state and the coders its
 * contents are stored with; a runner turns it into live state with {@link #bind}.
 *
 * <p>Coders not given to {@link StateSpecs} are inferred when the {@code ParDo} is applied: from
 * the field's declared type ({@code StateSpec<ValueState<Long>>} gives a coder for {@code Long})
 * through the pipeline's {@code CoderRegistry}, offered with {@link #offerCoders}, then checked by
 * {@link #finishSpecifying}. Users never call those two methods.
 *
 * <p>Not thread-safe while being specified; once the pipeline is constructed, a spec is not
 * changed again and may be read from any thread.
 *
 * @param <StateT> the kind of state, such as {@code ValueState<Long>}
 */
public interface StateSpec<StateT extends State> extends Serializable {
  /**
   * The live state of this spec, made by {@code binder}: the visitor calls the one {@code bind*}
   * method of the binder matching this spec's kind, with this spec's coders.
   *
   * @param id the {@code @StateId} of the declaration
   * @throws IllegalStateException if a coder is still unknown (the spec was never finished)
   */
  StateT bind(String id, StateBinder binder);

  /**
   * Offers coders for the type arguments of {@code StateT}, in order: {@code [T]} for {@code
   * ValueState<T>}, {@code BagState<T>}, {@code SetState<T>} and {@code OrderedListState<T>};
   * {@code [K, V]} for {@code MapState<K, V>}; {@code [InputT, AccumT, OutputT]} for {@code
   * CombiningState}. A null entry means unknown. Coders given explicitly are kept; an offered
   * coder fills only a coder still unknown.
   */
  void offerCoders(Coder[] coders);

  /**
   * Completes the spec once coders were offered: fills what the spec can derive itself (a
   * combining spec asks its {@code CombineFn} for the accumulator coder, given the input coder
   * and {@code registry}), then checks that every coder it stores with is known.
   *
   * @param registry the pipeline's coder registry
   * @param declaredAs where the spec is declared, for the error message, such as {@code "DoFn
   *     com.example.CountFn field 'count'"}
   * @throws IllegalArgumentException naming {@code declaredAs} and the {@link StateSpecs} call
   *     that gives the coder explicitly, when a coder is still unknown
   */
  void finishSpecifying(CoderRegistry registry, String declaredAs);
}
