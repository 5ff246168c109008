package io.runnel.samples;

import io.runnel.samples.Transaction.TransactionCoder;
import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.DefaultCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/**
 * One card transaction, the input of {@link FraudRules}: {@code user} paid {@code amountCents}
 * (hundredths of the currency unit, never negative) at {@code location} at {@code
 * eventTimeMillis} (milliseconds since the epoch). Immutable; encoded by {@link TransactionCoder}.
 */
@DefaultCoder(TransactionCoder.class)
public record Transaction(String user, long amountCents, String location, long eventTimeMillis) {
  /** The user order of {@link FraudRules}' class javadoc: event time, then location, then amount. */
  static final Comparator<Transaction> USER_ORDER = Comparator.comparingLong(Transaction::eventTimeMillis)
      .thenComparing(Transaction::location).thenComparingLong(Transaction::amountCents);

  /**
   * Parses {@code user,amount,location,eventTimeMillis}, the amount a non-negative decimal with
   * at most two decimals; surrounding spaces are ignored.
   *
   * @throws IllegalArgumentException naming the line and the expected format when it does not fit
   */
  public static Transaction parse(String line) {
    String[] fields = line.split(",", -1);
    if (fields.length != 4 || fields[0].isBlank() || fields[2].isBlank()) {
      throw new IllegalArgumentException(badLine(line, "4 non-empty fields"));
    }
    long cents;
    long millis;
    try {
      BigDecimal amount = new BigDecimal(fields[1].strip());
      if (amount.signum() < 0 || amount.scale() > 2) {
        throw new IllegalArgumentException(badLine(line, "a non-negative amount with at most 2 decimals"));
      }
      cents = amount.movePointRight(2).longValueExact();
      millis = Long.parseLong(fields[3].strip());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(badLine(line, "numbers in the amount and time fields"), e);
    }
    return new Transaction(fields[0].strip(), cents, fields[2].strip(), millis);
  }

  private static String badLine(String line, String wanted) {
    return "not a transaction: \"" + line + "\"; expected user,amount,location,eventTimeMillis"
        + " with " + wanted + ", e.g. ana,129.90,Berlin,1709280000000";
  }

  /** When the transaction happened. */
  public Instant eventTime() {
    return Instant.ofEpochMilli(eventTimeMillis);
  }

  /** The amount with two decimals, e.g. {@code 5000.01}. */
  public String amount() {
    return BigDecimal.valueOf(amountCents, 2).toPlainString();
  }

  /** The transaction as an input line, the inverse of {@link #parse}. */
  public String toCsv() {
    return user + "," + amount() + "," + location + "," + eventTimeMillis;
  }

  /** {@code amount location eventTime}, as alerts print it. */
  String describe() {
    return amount() + " " + location + " " + eventTime();
  }

    /** Encodes a {@link Transaction} field by field; deterministic. */
    public static final class TransactionCoder extends AtomicCoder<Transaction> {
      private static final long serialVersionUID = 1L;
      private static final TransactionCoder INSTANCE = new TransactionCoder();

      /** The coder; all instances are equal. */
      public static TransactionCoder of() {
        return INSTANCE;
      }

      @Override
      public void encode(Transaction t, OutputStream out) throws IOException {
        StringUtf8Coder.of().encode(t.user(), out);
        VarLongCoder.of().encode(t.amountCents(), out);
        StringUtf8Coder.of().encode(t.location(), out);
        VarLongCoder.of().encode(t.eventTimeMillis(), out);
      }

      @Override
      public Transaction decode(InputStream in) throws IOException {
        return new Transaction(StringUtf8Coder.of().decode(in), VarLongCoder.of().decode(in),
            StringUtf8Coder.of().decode(in), VarLongCoder.of().decode(in));
      }
    }
}
