package io.runnel.sdk.transforms.join;

import io.runnel.sdk.values.TupleTag;
import io.runnel.sdk.values.TupleTagList;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a {@link CoGroupByKey}, in order: maps each input's {@link TupleTag} to its union
 * index and back. Immutable; equal when the tags are equal and in the same order.
 */
public final class CoGbkResultSchema implements Serializable {
  private static final long serialVersionUID = 1L;
  private final TupleTagList tupleTagList;
  private final Map<TupleTag<?>, Integer> indices = new HashMap<>();

  /** A schema of {@code tupleTagList}'s tags, which must be distinct. */
  public CoGbkResultSchema(TupleTagList tupleTagList) {
    this.tupleTagList = tupleTagList;
    List<TupleTag<?>> tags = tupleTagList.getAll();
    for (int i = 0; i < tags.size(); i++) {
      if (indices.put(tags.get(i), i) != null) {
        throw new IllegalArgumentException("CoGbkResultSchema: tag " + tags.get(i)
            + " appears twice in " + tags + "; give each input its own tag");
      }
    }
  }

  /** A schema of {@code tags}, which must be distinct. */
  public static CoGbkResultSchema of(List<TupleTag<?>> tags) {
    return new CoGbkResultSchema(TupleTagList.of(tags));
  }

  /** The union index of {@code tag}; an error naming the known tags if it is not in the schema. */
  public int getIndex(TupleTag<?> tag) {
    Integer index = indices.get(tag);
    if (index == null) {
      throw new IllegalArgumentException("TupleTag " + tag + " is not an input of this"
          + " CoGroupByKey; its tags are " + tupleTagList.getAll());
    }
    return index;
  }

  /** The tag at union index {@code index}. */
  public TupleTag<?> getTag(int index) {
    return tupleTagList.getAll().get(index);
  }

  /** The number of inputs. */
  public int size() {
    return tupleTagList.size();
  }

  public TupleTagList getTupleTagList() {
    return tupleTagList;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoGbkResultSchema other && tupleTagList.getAll().equals(other.tupleTagList.getAll());
  }

  @Override
  public int hashCode() {
    return tupleTagList.getAll().hashCode();
  }

  @Override
  public String toString() {
    return "CoGbkResultSchema" + tupleTagList.getAll();
  }
}
