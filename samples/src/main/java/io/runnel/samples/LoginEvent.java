package io.runnel.samples;

import io.runnel.samples.LoginEvent.LoginEventCoder;
import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.BooleanCoder;
import io.runnel.sdk.coders.DefaultCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Comparator;

/**
 * One login attempt, the input of {@link LoginFailurePattern}: {@code user} logged in ({@code
 * success}) or failed to at {@code eventTimeMillis} (milliseconds since the epoch). Immutable;
 * encoded by {@link LoginEventCoder}.
 */
@DefaultCoder(LoginEventCoder.class)
public record LoginEvent(String user, boolean success, long eventTimeMillis) {
  /** The user order of {@link LoginFailurePattern}: event time, then successes before failures. */
  static final Comparator<LoginEvent> USER_ORDER = Comparator.comparingLong(LoginEvent::eventTimeMillis)
      .thenComparing(e -> !e.success());

  /**
   * Parses {@code user,SUCCESS|FAILURE,eventTimeMillis}; surrounding spaces are ignored.
   *
   * @throws IllegalArgumentException naming the line and the expected format when it does not fit
   */
  public static LoginEvent parse(String line) {
    String[] fields = line.split(",", -1);
    String outcome = fields.length == 3 ? fields[1].strip() : "";
    if (fields.length != 3 || fields[0].isBlank() || !(outcome.equals("SUCCESS") || outcome.equals("FAILURE"))) {
      throw new IllegalArgumentException(badLine(line));
    }
    try {
      return new LoginEvent(fields[0].strip(), outcome.equals("SUCCESS"), Long.parseLong(fields[2].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(badLine(line), e);
    }
  }

  private static String badLine(String line) {
    return "not a login event: \"" + line + "\"; expected user,SUCCESS|FAILURE,eventTimeMillis,"
        + " e.g. ana,FAILURE,1709280000000";
  }

  /** When the attempt happened. */
  public Instant eventTime() {
    return Instant.ofEpochMilli(eventTimeMillis);
  }

  /** The event as an input line, the inverse of {@link #parse}. */
  public String toCsv() {
    return user + "," + (success ? "SUCCESS" : "FAILURE") + "," + eventTimeMillis;
  }

  /** Encodes a {@link LoginEvent} field by field; deterministic. */
  public static final class LoginEventCoder extends AtomicCoder<LoginEvent> {
    private static final long serialVersionUID = 1L;
    private static final LoginEventCoder INSTANCE = new LoginEventCoder();

    /** The coder; all instances are equal. */
    public static LoginEventCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(LoginEvent e, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(e.user(), out);
      BooleanCoder.of().encode(e.success(), out);
      VarLongCoder.of().encode(e.eventTimeMillis(), out);
    }

    @Override
    public LoginEvent decode(InputStream in) throws IOException {
      return new LoginEvent(StringUtf8Coder.of().decode(in), BooleanCoder.of().decode(in),
          VarLongCoder.of().decode(in));
    }
  }
}
