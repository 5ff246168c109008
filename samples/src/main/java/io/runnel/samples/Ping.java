package io.runnel.samples;

import io.runnel.samples.Ping.PingCoder;
import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.DefaultCoder;
import io.runnel.sdk.coders.DoubleCoder;
import io.runnel.sdk.coders.StringUtf8Coder;
import io.runnel.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;

/**
 * One GPS ping, the input of {@link LocationTracking}: agent {@code agentId} was at latitude
 * {@code lat} and longitude {@code lon} (degrees, WGS 84) at {@code eventTimeMillis} (milliseconds
 * since the epoch). Immutable; encoded by {@link PingCoder}.
 */
@DefaultCoder(PingCoder.class)
public record Ping(String agentId, double lat, double lon, long eventTimeMillis) {
  /**
   * Parses {@code agentId,lat,lon,eventTimeMillis}; surrounding spaces are ignored.
   *
   * @throws IllegalArgumentException naming the line and the expected format when it does not fit
   */
  public static Ping parse(String line) {
    String[] fields = line.split(",", -1);
    if (fields.length != 4 || fields[0].isBlank()) {
      throw new IllegalArgumentException(badLine(line));
    }
    try {
      double lat = Double.parseDouble(fields[1].strip());
      double lon = Double.parseDouble(fields[2].strip());
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        throw new IllegalArgumentException(badLine(line));
      }
      return new Ping(fields[0].strip(), lat, lon, Long.parseLong(fields[3].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(badLine(line), e);
    }
  }

  private static String badLine(String line) {
    return "not a ping: \"" + line + "\"; expected agentId,lat,lon,eventTimeMillis with latitude in"
        + " [-90, 90] and longitude in [-180, 180], e.g. a1,52.5200,13.4050,1709280000000";
  }

  /** When the agent was there. */
  public Instant eventTime() {
    return Instant.ofEpochMilli(eventTimeMillis);
  }

  /** The ping as an input line, the inverse of {@link #parse} (coordinates with 6 decimals). */
  public String toCsv() {
    return String.format(Locale.ROOT, "%s,%.6f,%.6f,%d", agentId, lat, lon, eventTimeMillis);
  }

  /** Encodes a {@link Ping} field by field; deterministic. */
  public static final class PingCoder extends AtomicCoder<Ping> {
    private static final long serialVersionUID = 1L;
    private static final PingCoder INSTANCE = new PingCoder();

    /** The coder; all instances are equal. */
    public static PingCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Ping p, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(p.agentId(), out);
      DoubleCoder.of().encode(p.lat(), out);
      DoubleCoder.of().encode(p.lon(), out);
      VarLongCoder.of().encode(p.eventTimeMillis(), out);
    }

    @Override
    public Ping decode(InputStream in) throws IOException {
      return new Ping(StringUtf8Coder.of().decode(in), DoubleCoder.of().decode(in),
          DoubleCoder.of().decode(in), VarLongCoder.of().decode(in));
    }
  }
}
