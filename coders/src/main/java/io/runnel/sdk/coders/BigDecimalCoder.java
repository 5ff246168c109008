package io.runnel.sdk.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * Encodes a {@link BigDecimal} as its scale ({@link VarIntCoder}) and its unscaled value ({@link
 * BigIntegerCoder}), as Beam's coder of that name. Deterministic and consistent with equals
 * ({@code 1.0} and {@code 1.00} differ in both). Null is rejected.
 */
public final class BigDecimalCoder extends AtomicCoder<BigDecimal> {
  private static final long serialVersionUID = 1L;
  private static final BigDecimalCoder INSTANCE = new BigDecimalCoder();

  private BigDecimalCoder() {}

  /** The shared instance. */
  public static BigDecimalCoder of() {
    return INSTANCE;
  }

  /** Equal values encode alike and vice versa. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public void encode(BigDecimal value, OutputStream out) throws IOException {
    CoderPreconditions.checkNotNull(value, this);
    VarIntCoder.of().encode(value.scale(), out);
    BigIntegerCoder.of().encode(value.unscaledValue(), out);
  }

  @Override
  public BigDecimal decode(InputStream in) throws IOException {
    int scale = VarIntCoder.of().decode(in);
    return new BigDecimal(BigIntegerCoder.of().decode(in), scale);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
