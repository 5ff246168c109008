package io.runnel.sdk.values;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** An immutable list of {@link TupleTag}s, for {@code ParDo.withOutputTags}. */
public final class TupleTagList implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<TupleTag<?>> tags;

  private TupleTagList(List<TupleTag<?>> tags) {
    this.tags = List.copyOf(tags);
  }

  public static TupleTagList empty() {
    return new TupleTagList(List.of());
  }

  public static TupleTagList of(TupleTag<?> tag) {
    return empty().and(tag);
  }

  public static TupleTagList of(List<? extends TupleTag<?>> tags) {
    return new TupleTagList(new ArrayList<>(tags));
  }

  /** This list with {@code tag} appended. */
  public TupleTagList and(TupleTag<?> tag) {
    List<TupleTag<?>> more = new ArrayList<>(tags);
    more.add(tag);
    return new TupleTagList(more);
  }

  /** This list with {@code more} appended. */
  public TupleTagList and(List<? extends TupleTag<?>> more) {
    List<TupleTag<?>> all = new ArrayList<>(tags);
    all.addAll(more);
    return new TupleTagList(all);
  }

  public List<TupleTag<?>> getAll() {
    return tags;
  }

  public int size() {
    return tags.size();
  }

  @Override
  public String toString() {
    return tags.toString();
  }
}
