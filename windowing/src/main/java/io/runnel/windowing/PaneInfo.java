package io.runnel.windowing;

import io.runnel.sdk.coders.AtomicCoder;
import io.runnel.sdk.coders.CoderException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Describes the pane an element was emitted in: which firing of its window's trigger produced it
 * and how that firing relates to the watermark. Immutable.
 *
 * <p>{@link #getIndex()} counts every firing of the window from 0; {@link
 * #getNonSpeculativeIndex()} counts only ON_TIME and LATE firings (-1 for EARLY panes).
 */
public final class PaneInfo {
  /** When a pane fired relative to the watermark. */
  public enum Timing {
    /** Before the input watermark passed the end of the window. */
    EARLY,
    /** The firing caused by the watermark passing the end of the window. */
    ON_TIME,
    /** After the watermark passed the end of the window. */
    LATE,
    /** Not known: the element was not produced by a grouping. */
    UNKNOWN
  }

  /** The pane of elements that were never grouped: first, last, timing unknown. */
  public static final PaneInfo NO_FIRING = new PaneInfo(true, true, Timing.UNKNOWN, 0, 0);

  /** The only pane of a window with the default trigger: first, last and on time. */
  public static final PaneInfo ON_TIME_AND_ONLY_FIRING = new PaneInfo(true, true, Timing.ON_TIME, 0, 0);

  private final boolean isFirst;
  private final boolean isLast;
  private final Timing timing;
  private final long index;
  private final long onTimeIndex;

  private PaneInfo(boolean isFirst, boolean isLast, Timing timing, long index, long onTimeIndex) {
    this.isFirst = isFirst;
    this.isLast = isLast;
    this.timing = timing;
    this.index = index;
    this.onTimeIndex = onTimeIndex;
  }

  /** A pane with index 0 (first), of the given timing. */
  public static PaneInfo createPane(boolean isFirst, boolean isLast, Timing timing) {
    if (!isFirst) {
      throw new IllegalArgumentException("a pane made without an index must be the first");
    }
    return createPane(true, isLast, timing, 0, timing == Timing.EARLY ? -1 : 0);
  }

  /** A pane with all of its fields given. */
  public static PaneInfo createPane(
      boolean isFirst, boolean isLast, Timing timing, long index, long onTimeIndex) {
    if (isFirst && isLast && timing == Timing.UNKNOWN && index == 0 && onTimeIndex == 0) {
      return NO_FIRING;
    }
    if (isFirst && isLast && timing == Timing.ON_TIME && index == 0 && onTimeIndex == 0) {
      return ON_TIME_AND_ONLY_FIRING;
    }
    if (index < 0) {
      throw new IllegalArgumentException("pane index must be >= 0: " + index);
    }
    return new PaneInfo(isFirst, isLast, timing, index, onTimeIndex);
  }

  /** Whether this is the first pane of its window. */
  public boolean isFirst() {
    return isFirst;
  }

  /** Whether this is the last pane of its window: no more will follow. */
  public boolean isLast() {
    return isLast;
  }

  /** EARLY, ON_TIME, LATE or UNKNOWN. */
  public Timing getTiming() {
    return timing;
  }

  /** The index of this firing among all firings of the window, from 0. */
  public long getIndex() {
    return index;
  }

  /** The index among ON_TIME and LATE firings, from 0; -1 for EARLY panes. */
  public long getNonSpeculativeIndex() {
    return onTimeIndex;
  }

  /** Whether this pane describes an element that was never grouped. */
  public boolean isUnknown() {
    return timing == Timing.UNKNOWN;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaneInfo other
        && isFirst == other.isFirst
        && isLast == other.isLast
        && timing == other.timing
        && index == other.index
        && onTimeIndex == other.onTimeIndex;
  }

  @Override
  public int hashCode() {
    return ((Boolean.hashCode(isFirst) * 31 + Boolean.hashCode(isLast)) * 31 + timing.hashCode()) * 31
        + Long.hashCode(index) * 17 + Long.hashCode(onTimeIndex);
  }

  @Override
  public String toString() {
    if (this == NO_FIRING) {
      return "PaneInfo.NO_FIRING";
    }
    return "PaneInfo{" + (isFirst ? "first, " : "") + (isLast ? "last, " : "") + timing
        + ", index=" + index + ", onTimeIndex=" + onTimeIndex + "}";
  }

  /** Encodes a pane: a flags byte, then the indexes only when they are not zero. */
  public static final class PaneInfoCoder extends AtomicCoder<PaneInfo> {
    private static final long serialVersionUID = 1L;

    /** Equal values encode alike and vice versa. */
    @Override
    public boolean consistentWithEquals() {
      return true;
    }

    /** The one instance. */
    public static final PaneInfoCoder INSTANCE = new PaneInfoCoder();

    private PaneInfoCoder() {}

    public static PaneInfoCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(PaneInfo pane, OutputStream out) throws IOException {
      boolean indexed = pane.index != 0 || pane.onTimeIndex != 0;
      int flags = (pane.isFirst ? 1 : 0) | (pane.isLast ? 2 : 0) | (pane.timing.ordinal() << 2)
          | (indexed ? 0x10 : 0);
      out.write(flags);
      if (indexed) {
        DataOutputStream data = new DataOutputStream(out);
        data.writeLong(pane.index);
        data.writeLong(pane.onTimeIndex);
      }
    }

    @Override
    public PaneInfo decode(InputStream in) throws IOException {
      int flags = in.read();
      if (flags < 0) {
        throw new CoderException("end of stream while reading a PaneInfo");
      }
      Timing timing = Timing.values()[(flags >> 2) & 3];
      long index = 0;
      long onTimeIndex = 0;
      if ((flags & 0x10) != 0) {
        DataInputStream data = new DataInputStream(in);
        index = data.readLong();
        onTimeIndex = data.readLong();
      }
      return createPane((flags & 1) != 0, (flags & 2) != 0, timing, index, onTimeIndex);
    }
  }
}
