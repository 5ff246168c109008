/**
 * The keyed state and timer runtime every runner embeds, behind two interfaces a runner may
 * implement on its own store: a {@link io.runnel.runners.core.state.StateBackend} of typed cells
 * per key (set as the current key, as in Flink's keyed backends) and {@link
 * io.runnel.runners.core.state.StateNamespace} (a window, or the key itself), with partial
 * operations (append to a bag, add to a combining cell, put one map entry), and a {@link
 * io.runnel.runners.core.state.TimerService} of timers per key and namespace, fired in
 * timestamp order. Keys fall into key groups ({@link io.runnel.runners.core.state.KeyGroups}: a
 * hash of the encoded key modulo the maximum parallelism); backends, timer services and their
 * snapshots are per {@link io.runnel.runners.core.state.KeyGroupRange}, and snapshots keep every
 * time at full precision. In-memory implementations, a per-bundle cache of decoded user state
 * ({@link io.runnel.runners.core.state.BundleStateCache}) and the live user state objects
 * ({@link io.runnel.runners.core.state.CachedStateBinder}) are here too. Not API. Nothing here is
 * thread-safe; one thread owns each instance at a time.
 */
package io.runnel.runners.core.state;
