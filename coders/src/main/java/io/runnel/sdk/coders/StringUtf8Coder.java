package io.runnel.sdk.coders;

import io.runnel.sdk.coders.internal.LengthPrefixed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a {@link String} as its UTF-8 bytes preceded by their count as a varint. Deterministic
 * and consistent with equals. Null is rejected; use {@code NullableCoder.of(StringUtf8Coder.of())}.
 * Unpaired surrogates are replaced by {@code '?'}, as {@link String#getBytes} does.
 */
public final class StringUtf8Coder extends AtomicCoder<String> {
  private static final long serialVersionUID = 1L;

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static final StringUtf8Coder INSTANCE = new StringUtf8Coder();

  private StringUtf8Coder() {}

  /** The shared instance. */
  public static StringUtf8Coder of() {
    return INSTANCE;
  }

  @Override
  public void encode(String value, OutputStream out) throws IOException {
    LengthPrefixed.write(CoderPreconditions.checkNotNull(value, this).getBytes(StandardCharsets.UTF_8), out);
  }

  @Override
  public String decode(InputStream in) throws IOException {
    return new String(LengthPrefixed.read(in), StandardCharsets.UTF_8);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
