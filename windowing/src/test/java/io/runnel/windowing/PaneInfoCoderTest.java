package io.runnel.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sdk.coders.CoderUtils;
import io.runnel.windowing.PaneInfo.PaneInfoCoder;
import io.runnel.windowing.PaneInfo.Timing;
import org.junit.jupiter.api.Test;

class PaneInfoCoderTest {
  private static PaneInfo roundTrip(PaneInfo pane) throws Exception {
    return CoderUtils.decodeFromByteArray(PaneInfoCoder.of(),
        CoderUtils.encodeToByteArray(PaneInfoCoder.of(), pane));
  }

  @Test
  void roundTripsEveryTimingFlagAndIndexCombination() throws Exception {
    long[] indexes = {0, 1, 2, 127, 128, Integer.MAX_VALUE + 1L, Long.MAX_VALUE};
    for (Timing timing : Timing.values()) {
      for (boolean first : new boolean[] {true, false}) {
        for (boolean last : new boolean[] {true, false}) {
          for (long index : indexes) {
            long onTimeIndex = timing == Timing.EARLY ? -1 : index;
            PaneInfo pane = PaneInfo.createPane(first, last, timing, index, onTimeIndex);

            assertThat(roundTrip(pane)).as("%s", pane).isEqualTo(pane);
          }
        }
      }
    }
  }

  @Test
  void wellKnownPanesDecodeToTheirConstants() throws Exception {
    assertThat(roundTrip(PaneInfo.NO_FIRING)).isSameAs(PaneInfo.NO_FIRING);
    assertThat(roundTrip(PaneInfo.ON_TIME_AND_ONLY_FIRING)).isSameAs(PaneInfo.ON_TIME_AND_ONLY_FIRING);
  }

  @Test
  void unindexedPanesEncodeInOneByte() throws Exception {
    assertThat(CoderUtils.encodeToByteArray(PaneInfoCoder.of(), PaneInfo.ON_TIME_AND_ONLY_FIRING))
        .hasSize(1);
  }

  @Test
  void anEarlyFirstPaneHasNoNonSpeculativeIndex() throws Exception {
    PaneInfo early = PaneInfo.createPane(true, false, Timing.EARLY);

    assertThat(early.getNonSpeculativeIndex()).isEqualTo(-1);
    assertThat(roundTrip(early)).isEqualTo(early);
  }
}
