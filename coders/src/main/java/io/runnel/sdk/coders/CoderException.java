package io.runnel.sdk.coders;

import java.io.IOException;

/** A value could not be encoded or decoded. */
public class CoderException extends IOException {
  private static final long serialVersionUID = 1L;

  public CoderException(String message) {
    super(message);
  }

  public CoderException(String message, Throwable cause) {
    super(message, cause);
  }

  public CoderException(Throwable cause) {
    super(cause);
  }
}
