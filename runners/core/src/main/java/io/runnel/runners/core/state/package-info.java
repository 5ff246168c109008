/**
 * The state and timer runtime of stateful {@code DoFn}s, shared by every runner: a {@link
 * io.runnel.runners.core.state.StateBackend} of encoded cells per key, window and state id (with
 * an in-memory implementation that snapshots and restores), a per-bundle cache of decoded cells
 * behind the live state objects ({@link io.runnel.runners.core.state.CachedStateBinder}), and a
 * {@link io.runnel.runners.core.state.TimerService} of pending user timers. Not API: runners use
 * these through {@link io.runnel.runners.core.StatefulDoFnRunner}. Nothing here is thread-safe;
 * one thread owns each instance.
 */
package io.runnel.runners.core.state;
