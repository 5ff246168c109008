package io.runnel.sdk.coders;
// TEMPORARY STUB
public class CannotProvideCoderException extends Exception {
  public CannotProvideCoderException(String m) { super(m); }
}
