package io.runnel.sdk.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes values of type {@code T} to bytes and back, as Beam's {@code Coder}.
 *
 * <p>Every encoding is self-delimiting ("nested" in Beam's terms): a value can be followed by
 * another one in the same stream. Coders are immutable and thread-safe; they are serialized with
 * the pipeline.
 *
 * <p>This type and the coders of this package live in the {@code runnel-coders} artifact, at the
 * bottom of the module graph, so that {@code WindowFn} ({@code runnel-windowing}) can name its
 * window coder; the coders of windows and panes live with them in {@code io.runnel.windowing}.
 */
public abstract class Coder<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Writes {@code value} to {@code out}. */
  public abstract void encode(T value, OutputStream out) throws CoderException, IOException;

  /** Reads one value from {@code in}. */
  public abstract T decode(InputStream in) throws CoderException, IOException;

  /** The coders of the type parameters this coder is built from (empty for atomic coders). */
  public abstract List<? extends Coder<?>> getCoderArguments();

  /**
   * Throws when two equal values may encode to different bytes. Grouping keys need deterministic
   * coders, because the runner groups by encoded key.
   */
  public abstract void verifyDeterministic() throws NonDeterministicException;

  /** Whether equal encodings imply equal values and the reverse ({@code equals} agrees with bytes). */
  public boolean consistentWithEquals() {
    return false;
  }

  /**
   * A value whose {@code equals}/{@code hashCode} agree with this coder's notion of equality: the
   * value itself when {@link #consistentWithEquals()}, else its encoding wrapped for comparison.
   */
  public Object structuralValue(T value) {
    if (value != null && consistentWithEquals()) {
      return value;
    }
    try {
      return new StructuralByteArray(CoderUtils.encodeToByteArray(this, value));
    } catch (CoderException e) {
      throw new IllegalArgumentException("Unable to encode " + value + " with " + this, e);
    }
  }

  @Override
  public String toString() {
    List<? extends Coder<?>> args = getCoderArguments();
    String name = getClass().getSimpleName();
    return args.isEmpty() ? name : name + args;
  }

  /** Verifies each of {@code coders} is deterministic, naming {@code target} on failure. */
  public static void verifyDeterministic(Coder<?> target, String message, Iterable<? extends Coder<?>> coders)
      throws NonDeterministicException {
    for (Coder<?> coder : coders) {
      try {
        coder.verifyDeterministic();
      } catch (NonDeterministicException e) {
        throw new NonDeterministicException(target, message, e);
      }
    }
  }

  /** Verifies each of {@code coders} is deterministic, naming {@code target} on failure. */
  public static void verifyDeterministic(Coder<?> target, String message, Coder<?>... coders)
      throws NonDeterministicException {
    verifyDeterministic(target, message, Arrays.asList(coders));
  }

  /** Thrown by {@link #verifyDeterministic()}: names the coder and why it is not deterministic. */
  public static class NonDeterministicException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Coder<?> coder;

    public NonDeterministicException(Coder<?> coder, String reason) {
      this(coder, reason, null);
    }

    public NonDeterministicException(Coder<?> coder, String reason, NonDeterministicException cause) {
      super(coder + " is not deterministic because " + reason, cause);
      this.coder = coder;
    }

    public Coder<?> getCoder() {
      return coder;
    }
  }

  /** Bytes with value equality, used as a structural value. */
  public static final class StructuralByteArray {
    private final byte[] bytes;

    public StructuralByteArray(byte[] bytes) {
      this.bytes = bytes;
    }

    public byte[] getValue() {
      return bytes;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StructuralByteArray other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "bytes[" + bytes.length + "]";
    }
  }

}
