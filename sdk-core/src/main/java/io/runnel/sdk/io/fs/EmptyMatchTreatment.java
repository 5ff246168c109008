package io.runnel.sdk.io.fs;

/**
 * What a file-pattern match does when the pattern matches no file. {@code TextIO.read()} uses
 * {@link #DISALLOW} unless told otherwise.
 */
public enum EmptyMatchTreatment {
  /** A pattern that matches nothing gives no files, silently. */
  ALLOW,

  /** A pattern that matches nothing is an error naming the pattern. */
  DISALLOW,

  /**
   * A pattern with a wildcard ({@code * ? [ \{}) may match nothing; a plain path that names no
   * file is an error.
   */
  ALLOW_IF_WILDCARD
}
