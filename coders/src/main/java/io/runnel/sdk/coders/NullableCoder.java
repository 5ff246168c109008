package io.runnel.sdk.coders;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Adds null to the values of another coder: one marker byte, 0 for null and 1 for a value
 * followed by the value's encoding. Deterministic and consistent with equals when the wrapped
 * coder is. Wrapping a {@code NullableCoder} again returns it unchanged.
 */
public final class NullableCoder<T> extends StructuredCoder<T> {
  private static final long serialVersionUID = 1L;
  private static final int NULL_MARKER = 0;
  private static final int VALUE_MARKER = 1;

  private final Coder<T> valueCoder;

  private NullableCoder(Coder<T> valueCoder) {
    this.valueCoder = valueCoder;
  }

  /** A coder for {@code T} or null; {@code valueCoder} itself when it is already a NullableCoder. */
  public static <T> NullableCoder<T> of(Coder<T> valueCoder) {
    CoderPreconditions.checkArgumentNotNull(valueCoder, "valueCoder");
    if (valueCoder instanceof NullableCoder<T> nullable) {
      return nullable;
    }
    return new NullableCoder<>(valueCoder);
  }

  /** The coder of the non-null values. */
  public Coder<T> getValueCoder() {
    return valueCoder;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    if (value == null) {
      out.write(NULL_MARKER);
    } else {
      out.write(VALUE_MARKER);
      valueCoder.encode(value, out);
    }
  }

  @Override
  public T decode(InputStream in) throws IOException {
    int marker = in.read();
    switch (marker) {
      case NULL_MARKER:
        return null;
      case VALUE_MARKER:
        return valueCoder.decode(in);
      case -1:
        throw new EOFException("stream ended before the null marker of " + this);
      default:
        throw new CoderException(this + " cannot decode null marker " + marker + ": expected 0 or 1");
    }
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(valueCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "its value coder must be deterministic", valueCoder);
  }

  @Override
  public boolean consistentWithEquals() {
    return valueCoder.consistentWithEquals();
  }

  /** {@link Optional#empty()} for null, else the wrapped coder's structural value in an Optional. */
  @Override
  public Object structuralValue(T value) {
    return value == null ? Optional.empty() : Optional.of(valueCoder.structuralValue(value));
  }
}
