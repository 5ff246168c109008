package io.runnel.testing;

import io.runnel.sdk.coders.Coder;
import io.runnel.sdk.coders.CoderException;
import io.runnel.sdk.coders.CoderUtils;
import io.runnel.windowing.BoundedWindow;
import io.runnel.windowing.GlobalWindow;
import io.runnel.windowing.PaneInfo;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Which elements a pane-aware assertion looks at: those of one window (compared by encoding),
 * in panes of the given kind. Serializable; the window travels encoded.
 */
final class PaneFilter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of pane an assertion can select. */
  enum Panes {
    ALL("inWindow"),
    ON_TIME("inOnTimePane"),
    FINAL("inFinalPane"),
    EARLY("inEarlyPane"),
    LATE("inLatePane"),
    NON_LATE("inCombinedNonLatePanes");

    final String call;

    Panes(String call) {
      this.call = call;
    }

    boolean matches(PaneInfo pane) {
      return switch (this) {
        case ALL -> true;
        case ON_TIME -> pane.getTiming() == PaneInfo.Timing.ON_TIME;
        case FINAL -> pane.isLast();
        case EARLY -> pane.getTiming() == PaneInfo.Timing.EARLY;
        case LATE -> pane.getTiming() == PaneInfo.Timing.LATE;
        case NON_LATE -> pane.getTiming() != PaneInfo.Timing.LATE;
      };
    }
  }

  private final Coder<BoundedWindow> windowCoder;
  private final byte[] window;
  private final Panes panes;
  private final String description;

  @SuppressWarnings("unchecked")
  PaneFilter(Coder<? extends BoundedWindow> windowCoder, BoundedWindow window, Panes panes) {
    this.windowCoder = (Coder<BoundedWindow>) windowCoder;
    this.window = encode(this.windowCoder, window);
    this.panes = panes;
    this.description = panes.call + "(" + (window instanceof GlobalWindow ? "GlobalWindow" : window) + ")";
  }

  boolean matches(BoundedWindow candidate, PaneInfo pane) {
    return panes.matches(pane) && Arrays.equals(window, encode(windowCoder, candidate));
  }

  String description() {
    return description;
  }

  private static byte[] encode(Coder<BoundedWindow> coder, BoundedWindow window) {
    try {
      return CoderUtils.encodeToByteArray(coder, window);
    } catch (CoderException e) {
      throw new IllegalArgumentException("cannot encode window " + window + " with " + coder, e);
    }
  }
}
