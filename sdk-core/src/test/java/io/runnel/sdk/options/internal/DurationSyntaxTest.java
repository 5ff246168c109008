package io.runnel.sdk.options.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationSyntaxTest {

  @Test
  void isoFormIsCaseInsensitive() {
    assertThat(DurationSyntax.parseOrNull("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void shortFormAddsItsParts() {
    assertThat(DurationSyntax.parseOrNull("2d3h")).isEqualTo(Duration.ofDays(2).plusHours(3));
    assertThat(DurationSyntax.parseOrNull("1m250ms")).isEqualTo(Duration.ofMillis(60_250));
  }

  @Test
  void textInNeitherSyntaxGivesNull() {
    assertThat(DurationSyntax.parseOrNull("5")).isNull();
    assertThat(DurationSyntax.parseOrNull("5 minutes")).isNull();
    assertThat(DurationSyntax.parseOrNull("PT")).isNull();
  }
}
