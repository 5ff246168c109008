package io.runnel.sdk.coders;

/**
 * No coder could be found for a type. The message names the type and, when a type argument was
 * the problem, which one and why, for example {@code Cannot provide a coder for KV<String, T>: no
 * coder for type variable T; the type was erased (a lambda or a generic DoFn)}.
 */
public class CannotProvideCoderException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why inference failed, for callers that react differently, as Beam's codes. */
  public enum ReasonCode {
    /** Nothing more specific is known. */
    UNKNOWN,
    /** The type, or one of its type arguments, is a type variable: the full type was erased. */
    TYPE_ERASURE
  }

  private final ReasonCode reason;

  public CannotProvideCoderException(String message) {
    this(message, ReasonCode.UNKNOWN);
  }

  public CannotProvideCoderException(String message, ReasonCode reason) {
    super(message);
    this.reason = reason;
  }

  public CannotProvideCoderException(String message, Throwable cause) {
    super(message, cause);
    this.reason = ReasonCode.UNKNOWN;
  }

  /** The reason code; {@link ReasonCode#UNKNOWN} unless one was given. */
  public ReasonCode getReason() {
    return reason;
  }
}
