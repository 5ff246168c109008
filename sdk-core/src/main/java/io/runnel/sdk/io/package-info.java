/**
 * Reading and writing data outside a pipeline: {@link io.runnel.sdk.io.TextIO} for text files.
 * Other IO modules (Kafka, JDBC) live in their own Maven modules.
 */
package io.runnel.sdk.io;
