package io.runnel.samples;

import io.runnel.samples.FraudAlert.FraudAlertCoder;
import io.runnel.samples.Transaction.TransactionCoder;
import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.DefaultCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarIntCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An alert of {@link FraudRules}: the {@code rule} that fired and the transactions that made it
 * fire, in user order, the last one the transaction the alert is raised on. Never empty; all of
 * one user. Immutable; encoded by {@link FraudAlertCoder}.
 */
@DefaultCoder(FraudAlertCoder.class)
public record FraudAlert(Rule rule, List<Transaction> transactions) {
  public FraudAlert {
    if (transactions.isEmpty()) {
      throw new IllegalArgumentException("a " + rule + " alert needs at least one transaction");
    }
    transactions = List.copyOf(transactions);
  }

  /** The user of the transactions. */
  public String user() {
    return transactions.get(0).user();
  }

  /** The transaction the alert is raised on. */
  public Transaction raisedOn() {
    return transactions.get(transactions.size() - 1);
  }

  /**
   * {@code <rule> <user> at <time>: <transaction>[; <transaction>...]}, each transaction as
   * {@code amount location eventTime}, e.g. {@code GEO_DRIFT ana at 2024-03-01T08:05:00Z: 10.00
   * Berlin 2024-03-01T08:00:00Z; 12.00 Paris 2024-03-01T08:05:00Z}.
   */
  public String describe() {
    return rule + " " + user() + " at " + raisedOn().eventTime() + ": "
        + transactions.stream().map(Transaction::describe).collect(Collectors.joining("; "));
  }

    /** The rule an alert was raised by. */
    public enum Rule {
      LARGE_AMOUNT, HIGH_VELOCITY, GEO_DRIFT
    }

    /** Encodes a {@link FraudAlert}: the rule's name, the count, then each transaction; deterministic. */
    public static final class FraudAlertCoder extends AtomicCoder<FraudAlert> {
      private static final long serialVersionUID = 1L;
      private static final FraudAlertCoder INSTANCE = new FraudAlertCoder();

      /** The coder; all instances are equal. */
      public static FraudAlertCoder of() {
        return INSTANCE;
      }

      @Override
      public void encode(FraudAlert alert, OutputStream out) throws IOException {
        StringUtf8Coder.of().encode(alert.rule().name(), out);
        VarIntCoder.of().encode(alert.transactions().size(), out);
        for (Transaction t : alert.transactions()) {
          TransactionCoder.of().encode(t, out);
        }
      }

      @Override
      public FraudAlert decode(InputStream in) throws IOException {
        Rule rule = Rule.valueOf(StringUtf8Coder.of().decode(in));
        int size = VarIntCoder.of().decode(in);
        List<Transaction> transactions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          transactions.add(TransactionCoder.of().decode(in));
        }
        return new FraudAlert(rule, transactions);
      }
    }
}
