package io.runnel.runners.core.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A contiguous range of key groups, {@code [start, end]} inclusive, as a runner assigns them to
 * one worker, backend or snapshot. Immutable.
 *
 * @param start the first key group of the range
 * @param end the last key group of the range, at least {@code start}
 */
public record KeyGroupRange(int start, int end) {
  public KeyGroupRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("A key group range needs 0 <= start <= end, got ["
          + start + ", " + end + "]");
    }
  }

  /** Every key group of a job whose maximum parallelism is {@code maxParallelism}. */
  public static KeyGroupRange all(int maxParallelism) {
    KeyGroups.checkMaxParallelism(maxParallelism);
    return new KeyGroupRange(0, maxParallelism - 1);
  }

  /** Whether {@code keyGroup} is in this range. */
  public boolean contains(int keyGroup) {
    return keyGroup >= start && keyGroup <= end;
  }

  /** Whether every key group of {@code other} is in this range. */
  public boolean contains(KeyGroupRange other) {
    return other.start >= start && other.end <= end;
  }

  /** The number of key groups in the range. */
  public int size() {
    return end - start + 1;
  }

  /**
   * This range cut into {@code parts} contiguous ranges as equal as can be, in order (fewer when
   * the range has fewer key groups), as Flink assigns key groups to operator instances.
   */
  public List<KeyGroupRange> split(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("Cannot split key groups into " + parts + " parts");
    }
    int count = Math.min(parts, size());
    List<KeyGroupRange> ranges = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int first = start + (int) ((long) size() * i / count);
      int last = start + (int) ((long) size() * (i + 1) / count) - 1;
      ranges.add(new KeyGroupRange(first, last));
    }
    return ranges;
  }

  @Override
  public String toString() {
    return "KeyGroupRange[" + start + ", " + end + "]";
  }
}
