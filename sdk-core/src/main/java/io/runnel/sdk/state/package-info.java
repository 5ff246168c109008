/**
 * Per-key, per-window state and timers of stateful {@code DoFn}s, with Apache Beam's names.
 *
 * <p>A {@code DoFn<KV<K, V>, OutputT>} declares state with {@code @StateId("id")} on a final
 * field holding a {@link io.runnel.sdk.state.StateSpec} from {@link io.runnel.sdk.state.StateSpecs},
 * and timers with {@code @TimerId("id")} on a final field holding a {@link
 * io.runnel.sdk.state.TimerSpec} from {@link io.runnel.sdk.state.TimerSpecs}. Its methods then ask
 * for the live objects by parameter: {@code @StateId("count") ValueState<Long> count},
 * {@code @TimerId("flush") Timer flush}.
 *
 * <p>State is scoped to the current key and window, and every kind of state is stored through
 * coders, so a runner can snapshot and restore it. State and timer objects given to a method are
 * valid only during that call and are not thread-safe; do not keep them in fields.
 */
package io.runnel.sdk.state;
