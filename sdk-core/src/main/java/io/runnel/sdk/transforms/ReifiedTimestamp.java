package io.runnel.sdk.transforms;

import java.time.Instant;

/** A value with the timestamp it had before a grouping, so it can be restored after. */
record ReifiedTimestamp<V>(V value, Instant timestamp) {}
