package io.runnel.sdk.coders;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Encodes an {@link Optional}: one marker byte, 0 for empty and 1 for a value followed by the
 * value's encoding, as Beam's coder of that name. Deterministic and consistent with equals when
 * the value coder is. A null {@code Optional} is rejected.
 */
public final class OptionalCoder<T> extends StructuredCoder<Optional<T>> {
  private static final long serialVersionUID = 1L;
  private static final int EMPTY = 0;
  private static final int PRESENT = 1;

  private final Coder<T> valueCoder;

  private OptionalCoder(Coder<T> valueCoder) {
    this.valueCoder = valueCoder;
  }

  /** A coder of {@code Optional<T>} whose values {@code valueCoder} encodes. */
  public static <T> OptionalCoder<T> of(Coder<T> valueCoder) {
    return new OptionalCoder<>(CoderPreconditions.checkArgumentNotNull(valueCoder, "valueCoder"));
  }

  /** The coder of the present values. */
  public Coder<T> getValueCoder() {
    return valueCoder;
  }

  @Override
  public void encode(Optional<T> value, OutputStream out) throws IOException {
    if (CoderPreconditions.checkNotNull(value, this).isEmpty()) {
      out.write(EMPTY);
    } else {
      out.write(PRESENT);
      valueCoder.encode(value.get(), out);
    }
  }

  @Override
  public Optional<T> decode(InputStream in) throws IOException {
    int marker = in.read();
    switch (marker) {
      case EMPTY:
        return Optional.empty();
      case PRESENT:
        return Optional.of(valueCoder.decode(in));
      case -1:
        throw new EOFException("stream ended before the marker of " + this);
      default:
        throw new CoderException(this + " cannot decode marker " + marker + ": expected 0 or 1");
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

  @Override
  public Object structuralValue(Optional<T> value) {
    return value.map(valueCoder::structuralValue);
  }
}
