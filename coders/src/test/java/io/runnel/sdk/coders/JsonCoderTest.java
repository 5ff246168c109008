package io.runnel.sdk.coders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.values.TypeDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonCoderTest {
  public record Event(String user, long score, Instant at, Duration took, LocalDate day) {}

  public record Wrapper(Optional<String> maybe) {}

  private static final JsonCoder<Event> CODER = JsonCoder.of(Event.class);
  private static final Event EVENT = new Event("\u00e9ve", Long.MIN_VALUE,
      Instant.parse("2024-01-02T03:04:05.123456789Z"), Duration.ofMillis(1500), LocalDate.of(2024, 2, 29));

  @Test
  void roundTripsARecordWithJavaTimeFields() throws Exception {
    assertThat(CoderProperties.assertRoundTrips(CODER, EVENT)).isEqualTo(EVENT);
  }

  @Test
  void writesJavaTimeAsIsoStrings() throws Exception {
    byte[] bytes = CoderUtils.encodeToByteArray(CODER, EVENT);
    String json = new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
    assertThat(json).contains("\"at\":\"2024-01-02T03:04:05.123456789Z\"", "\"took\":\"PT1.5S\"",
        "\"day\":\"2024-02-29\"");
  }

  @Test
  void roundTripsAGenericTypeGivenByATypeDescriptor() throws Exception {
    JsonCoder<List<Event>> coder = JsonCoder.of(new TypeDescriptor<List<Event>>() {});
    assertThat(CoderUtils.clone(coder, List.of(EVENT))).containsExactly(EVENT);
  }

  @Test
  void rejectsATypeWithTypeVariables() {
    assertThatThrownBy(() -> JsonCoder.of(TypeDescriptor.of(List.class.getTypeParameters()[0])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has type variables");
  }

  @Test
  void failsNamingTheCoderForUnsupportedJavaTypes() {
    JsonCoder<Wrapper> coder = JsonCoder.of(Wrapper.class);
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(coder, new Wrapper(Optional.of("x"))))
        .isInstanceOf(CoderException.class)
        .hasMessageContaining("JsonCoder(" + Wrapper.class.getName() + ") cannot write");
  }

  @Test
  void failsNamingTheCoderForMalformedJson() {
    byte[] bytes = {3, '{', 'x', '}'};
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(CODER, bytes))
        .isInstanceOf(CoderException.class)
        .hasMessageContaining("cannot read its JSON");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(CODER, null))
        .hasMessageContaining("cannot encode a null value");
  }

  @Test
  void isNeverDeterministic() {
    assertThatThrownBy(CODER::verifyDeterministic).isInstanceOf(Coder.NonDeterministicException.class);
  }

  @Test
  void equalsAnotherJsonCoderOfTheSameTypeAfterSerialization() throws Exception {
    JsonCoder<Event> copy = CoderProperties.serializeAndDeserialize(CODER);
    assertThat(copy).isEqualTo(CODER).hasSameHashCodeAs(CODER).isNotEqualTo(JsonCoder.of(Wrapper.class));
    assertThat(CoderUtils.clone(copy, EVENT)).isEqualTo(EVENT);
    assertThat(CODER).hasToString("JsonCoder(" + Event.class.getTypeName() + ")");
  }

  @Test
  void bytesOfAByteArrayFieldSurvive() throws Exception {
    record Blob(byte[] data) {}
    JsonCoder<Blob> coder = JsonCoder.of(Blob.class);
    assertThat(Arrays.equals(CoderUtils.clone(coder, new Blob(new byte[] {1, -1})).data(), new byte[] {1, -1})).isTrue();
  }
}
