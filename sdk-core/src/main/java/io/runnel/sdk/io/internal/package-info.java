/** The DoFns and file helpers behind {@code TextIO}; not API. */
package io.runnel.sdk.io.internal;
