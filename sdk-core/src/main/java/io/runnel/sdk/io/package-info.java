/**
 * Reading and writing data outside a pipeline. Sources, as Beam's: {@link
 * io.runnel.sdk.io.BoundedSource} and {@link io.runnel.sdk.io.UnboundedSource}, read by the
 * {@link io.runnel.sdk.io.Read} primitives ({@link
 * io.runnel.sdk.io.BoundedReadFromUnboundedSource} for part of an unbounded source); {@link
 * io.runnel.sdk.io.CountingSource} and {@link io.runnel.sdk.io.GenerateSequence} count. {@link
 * io.runnel.sdk.io.TextIO} reads and writes text files. Other IO modules (Kafka, JDBC) live in
 * their own Maven modules.
 */
package io.runnel.sdk.io;
