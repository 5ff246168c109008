package io.runnel.sdk.transforms;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sdk.Pipeline;
import io.runnel.sdk.values.PCollection;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.FixedWindows;
import io.runnel.windowing.IntervalWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A DoFn that asks for a window type its input's windows are not fails at apply, as in Beam. */
class ParDoWindowParameterTest {
  static final class WantsInterval extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, IntervalWindow window, OutputReceiver<String> out) {
      out.output(element + window.end());
    }
  }

  static final class WantsAnyWindow extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, BoundedWindow window, OutputReceiver<String> out) {
      out.output(element);
    }
  }

  @Test
  void anIntervalWindowParameterOnGloballyWindowedInputFailsNamingTheFnTheWindowsAndTheFix() {
    PCollection<String> words = Pipeline.create().apply(Create.of("a"));

    assertThatThrownBy(() -> words.apply(ParDo.of(new WantsInterval())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ParDo(WantsInterval)")
        .hasMessageContaining("takes a IntervalWindow")
        .hasMessageContaining("GlobalWindow windows")
        .hasMessageContaining("Window.into(");
  }

  @Test
  void anIntervalWindowParameterOnFixedWindowsAndABoundedWindowOnAnyInputAreFine() {
    Pipeline p = Pipeline.create();
    PCollection<String> words = p.apply(Create.of("a"));
    PCollection<String> windowed = words.apply(
        Window.<String>into(FixedWindows.of(Duration.ofMinutes(1))));

    assertThatCode(() -> windowed.apply("Interval", ParDo.of(new WantsInterval())))
        .doesNotThrowAnyException();
    assertThatCode(() -> words.apply("Any", ParDo.of(new WantsAnyWindow())))
        .doesNotThrowAnyException();
  }
}
