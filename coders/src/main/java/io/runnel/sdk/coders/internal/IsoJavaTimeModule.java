package io.runnel.sdk.coders.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * A Jackson module writing the common {@code java.time} types as their ISO-8601 {@code toString()}
 * and reading them back with their {@code parse} method: {@link Instant}, {@link Duration},
 * {@link LocalDate}, {@link LocalTime}, {@link LocalDateTime}, {@link OffsetDateTime} and
 * {@link ZonedDateTime}. It stands in for {@code jackson-datatype-jsr310}, which the build does not
 * depend on; unlike that module it reads only ISO strings, not numeric timestamps, and other
 * {@code java.time} types are still rejected by Jackson.
 */
public final class IsoJavaTimeModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public IsoJavaTimeModule() {
    super("RunnelIsoJavaTime");
    add(Instant.class, Instant::parse);
    add(Duration.class, Duration::parse);
    add(LocalDate.class, LocalDate::parse);
    add(LocalTime.class, LocalTime::parse);
    add(LocalDateTime.class, LocalDateTime::parse);
    add(OffsetDateTime.class, OffsetDateTime::parse);
    add(ZonedDateTime.class, ZonedDateTime::parse);
  }

  private <T> void add(Class<T> type, Function<String, T> parse) {
    addSerializer(type, ToStringSerializer.instance);
    addDeserializer(type, new IsoStringDeserializer<>(type, parse));
  }

  /** Reads a value of {@code type} from an ISO-8601 string. */
  private static final class IsoStringDeserializer<T> extends StdScalarDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<String, T> parse;

    IsoStringDeserializer(Class<T> type, Function<String, T> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (T) context.handleUnexpectedToken(handledType(), parser);
      }
      String text = parser.getText().trim();
      try {
        return parse.apply(text);
      } catch (DateTimeParseException e) {
        return (T) context.handleWeirdStringValue(handledType(), text,
            "not an ISO-8601 " + handledType().getSimpleName() + ": " + e.getMessage());
      }
    }
  }
}
